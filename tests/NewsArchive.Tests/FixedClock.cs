namespace NewsArchive.Tests;

/// <summary>"Now" is fixed so relative dates like «вчера» are testable; timers and delays stay real.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
}
