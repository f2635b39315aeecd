using CsCheck;
using NewsArchive.Fetching;

namespace NewsArchive.Tests.Reliability.Properties;

public sealed class RobotsRulesPropertyTests
{
    [Fact]
    public void IsAllowed_GeneratedGroups_AgreesWithReferenceModel() =>
        HangGuard.Sample(
            RobotsGen.Groups.SelectMany(groups => Gen.Select(RobotsGen.Render(groups), RobotsGen.Path.Array[1, 8])
                .Select(parts => (Groups: groups, Text: parts.Item1, Paths: parts.Item2))),
            input =>
            {
                var rules = RobotsRules.Parse(input.Text, RobotsGen.Agent);
                var model = new RobotsReferenceModel(input.Groups, RobotsGen.Agent);
                foreach (var path in input.Paths)
                {
                    var url = new Uri("https://abreview.ru" + path);
                    Assert.True(
                        model.IsAllowed(url.PathAndQuery) == rules.IsAllowed(url),
                        $"{url.PathAndQuery}: reference says allowed={model.IsAllowed(url.PathAndQuery)}; file:\n{input.Text}");
                }
            },
            defaultIterations: 800);

    [Fact]
    public void IsAllowed_EmptyOrUnparsableFile_AllowsEverything() =>
        HangGuard.Sample(
            Gen.Select(RobotsGen.Unparsable, RobotsGen.Path),
            input => RobotsInvariants.CheckAllowsEverything(input.Item1, input.Item2),
            defaultIterations: 1000);

    [Fact]
    public void Parse_JunkText_NeverThrows() =>
        HangGuard.Sample(
            Gen.Select(RobotsGen.Junk, Gen.OneOf(RobotsGen.Path, UrlGen.Href)),
            input => RobotsInvariants.Check(input.Item1, input.Item2),
            defaultIterations: 2000);
}
