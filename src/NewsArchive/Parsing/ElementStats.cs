namespace NewsArchive.Parsing;

/// <summary>Collapsed text length of an element, how much of it is link text, and how much sits in paragraphs.</summary>
internal readonly record struct ElementStats(int Text, int LinkText, int ParagraphText)
{
    public double LinkDensity => Text == 0 ? 0 : Math.Min(1.0, LinkText / (double)Text);

    public static ElementStats operator +(ElementStats left, ElementStats right) =>
        new(left.Text + right.Text, left.LinkText + right.LinkText, left.ParagraphText + right.ParagraphText);
}
