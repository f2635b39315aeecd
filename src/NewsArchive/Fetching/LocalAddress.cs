using System.Net;
using System.Net.Sockets;

namespace NewsArchive.Fetching;

/// <summary>
/// Whether a URL names this machine or a private network by its spelling (localhost, a loopback, private,
/// link-local or carrier-grade NAT address), or whether a resolved address is one. Names are resolved only when a
/// connection is opened (<see cref="FetchHttpClientBuilder"/>), so that the address checked is the address used.
/// </summary>
internal static class LocalAddress
{
    public static bool IsLocal(Uri url)
    {
        if (url.IsLoopback || url.IdnHost.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        return url.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 && IPAddress.TryParse(url.DnsSafeHost, out var ip) && IsLocal(ip);
    }

    /// <summary>Whether an address is this machine's or a private network's: what a name may not resolve to after a redirect.</summary>
    public static bool IsLocal(IPAddress ip)
    {
        if (ip.IsIPv4MappedToIPv6)
        {
            ip = ip.MapToIPv4();
        }
        if (IPAddress.IsLoopback(ip) || ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any))
        {
            return true;
        }
        if (ip.AddressFamily == AddressFamily.InterNetworkV6)
        {
            return ip.IsIPv6LinkLocal || ip.IsIPv6SiteLocal || ip.IsIPv6UniqueLocal;
        }
        var b = ip.GetAddressBytes();
        return b[0] is 0 or 10
            || (b[0] == 172 && (b[1] & 0xF0) == 16)
            || (b[0] == 192 && b[1] == 168)
            || (b[0] == 169 && b[1] == 254)
            || (b[0] == 100 && (b[1] & 0xC0) == 64);
    }
}
