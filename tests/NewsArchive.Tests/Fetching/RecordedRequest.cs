namespace NewsArchive.Tests.Fetching;

/// <summary>One request as <see cref="LoopbackServer"/> saw it.</summary>
public sealed record RecordedRequest(string PathAndQuery, IReadOnlyDictionary<string, string> Headers);
