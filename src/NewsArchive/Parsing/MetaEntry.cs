namespace NewsArchive.Parsing;

/// <summary>A meta tag's key (property, name, itemprop or http-equiv, lower case) and content.</summary>
internal readonly record struct MetaEntry(string Key, string Content, int Index);
