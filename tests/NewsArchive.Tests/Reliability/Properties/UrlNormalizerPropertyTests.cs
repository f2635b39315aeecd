using CsCheck;

namespace NewsArchive.Tests.Reliability.Properties;

public sealed class UrlNormalizerPropertyTests
{
    [Fact]
    public void NormalizeAndResolve_GeneratedUrls_HoldInvariants() =>
        HangGuard.Sample(UrlGen.Url, UrlInvariants.Check, defaultIterations: 3000);

    [Fact]
    public void NormalizeAndResolve_GeneratedHrefs_HoldInvariants() =>
        HangGuard.Sample(UrlGen.Href, UrlInvariants.Check, defaultIterations: 3000);
}
