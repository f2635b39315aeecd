namespace NewsArchive.Fetching;

/// <summary>One Allow or Disallow line; <paramref name="Pattern"/> is already normalised.</summary>
internal readonly record struct RobotsRule(string Pattern, bool Allow);
