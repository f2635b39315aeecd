namespace NewsArchive.Tests; public sealed class SmokeTests { [Fact] public void One_Plus_One_IsTwo() => Assert.Equal(2, 1 + 1); }
