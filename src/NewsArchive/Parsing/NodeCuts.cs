using AngleSharp.Dom;

namespace NewsArchive.Parsing;

/// <summary>Removals of everything after a node, walking child lists by index: AngleSharp's sibling links search the parent's list, quadratic on wide pages.</summary>
internal static class NodeCuts
{
    /// <summary>Removes the siblings that follow the node, from the last: each removal is then cheap whatever the list's length.</summary>
    public static void RemoveFollowingSiblings(INode node)
    {
        if (node.Parent is not { } parent)
        {
            return;
        }
        var siblings = parent.ChildNodes;
        var index = 0;
        while (siblings[index] != node)
        {
            index++;
        }
        for (var last = siblings.Length - 1; last > index; last--)
        {
            parent.RemoveChild(siblings[last]);
        }
    }

    /// <summary>Removes start and everything after it in document order inside root.</summary>
    public static void CutFrom(IElement root, IElement start)
    {
        for (INode current = start; current != root && current.Parent is { } parent; current = parent)
        {
            RemoveFollowingSiblings(current);
        }
        start.Remove();
    }
}
