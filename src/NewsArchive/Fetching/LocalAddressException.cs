using System.Net;

namespace NewsArchive.Fetching;

/// <summary>A connection after a redirect from a public host was refused: the name resolved to a local address.</summary>
internal sealed class LocalAddressException(string host, IPAddress address)
    : IOException($"{host} resolves to local address {address}")
{
    public IPAddress Address { get; } = address;
}
