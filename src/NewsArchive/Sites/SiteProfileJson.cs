using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using AngleSharp.Css.Parser;
using NewsArchive.Parsing;

namespace NewsArchive.Sites;

/// <summary>
/// Reads and writes the JSON form of a <see cref="SiteProfile"/>. Reading is strict, so that a typo never silently
/// turns a field off: unknown fields, wrong types and selectors AngleSharp cannot parse are each one clear error.
/// </summary>
public static class SiteProfileJson
{
    private static readonly string[] Fields =
        ["title", "date", "modified", "body", "drop", "related", "lists", "authors", "tags", "views", "comments", "listing_items", "next_page"];

    private static readonly string[] DateFields = ["selector", "format"];
    private static readonly string[] ListFields = ["kind", "container", "item", "date"];
    private static readonly string[] ListKinds = ["related", "sidebar", "tag"];

    /// <exception cref="SiteProfileException">The text is not a valid profile.</exception>
    public static SiteProfile Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw new SiteProfileException($"invalid JSON: {FirstLine(ex.Message)}");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new SiteProfileException("a profile is a JSON object of fields (title, date, body, ...)");
            }
            var selectors = new CssSelectorParser();
            CheckFields(root, Fields, "");
            return new SiteProfile
            {
                Title = Selector(root, "title", selectors),
                Date = Date(root, "date", selectors),
                Modified = Date(root, "modified", selectors),
                Body = Selector(root, "body", selectors),
                Drop = SelectorList(root, "drop", selectors),
                Related = root.TryGetProperty("related", out var related) ? List(related, "related", LinkKind.Related, selectors) : null,
                Lists = Lists(root, selectors),
                Authors = Selector(root, "authors", selectors),
                Tags = Selector(root, "tags", selectors),
                Views = Selector(root, "views", selectors),
                Comments = Selector(root, "comments", selectors),
                ListingItems = Selector(root, "listing_items", selectors),
                NextPage = Selector(root, "next_page", selectors),
            };
        }
    }

    /// <summary>Indented JSON with the fields in the documented order; fields not set are left out.</summary>
    public static string Write(SiteProfile profile)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            WriteIfSet(json, "title", profile.Title);
            WriteDate(json, "date", profile.Date);
            WriteDate(json, "modified", profile.Modified);
            WriteIfSet(json, "body", profile.Body);
            if (profile.Drop.Count > 0)
            {
                json.WriteStartArray("drop");
                foreach (var selector in profile.Drop)
                {
                    json.WriteStringValue(selector);
                }
                json.WriteEndArray();
            }
            if (profile.Related is { } relatedList)
            {
                json.WritePropertyName("related");
                WriteList(json, relatedList, withKind: false);
            }
            if (profile.Lists.Count > 0)
            {
                json.WriteStartArray("lists");
                foreach (var list in profile.Lists)
                {
                    WriteList(json, list, withKind: true);
                }
                json.WriteEndArray();
            }
            WriteIfSet(json, "authors", profile.Authors);
            WriteIfSet(json, "tags", profile.Tags);
            WriteIfSet(json, "views", profile.Views);
            WriteIfSet(json, "comments", profile.Comments);
            WriteIfSet(json, "listing_items", profile.ListingItems);
            WriteIfSet(json, "next_page", profile.NextPage);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void CheckFields(JsonElement element, string[] known, string path)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (!known.Contains(property.Name, StringComparer.Ordinal))
            {
                throw new SiteProfileException($"unknown field '{path}{property.Name}' (known: {string.Join(", ", known)})");
            }
        }
    }

    private static string? Selector(JsonElement parent, string name, CssSelectorParser selectors, string path = "")
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.String)
        {
            throw new SiteProfileException($"'{path}{name}' must be a CSS selector string");
        }
        return CheckSelector(value.GetString()!, path + name, selectors);
    }

    private static string CheckSelector(string selector, string field, CssSelectorParser selectors)
    {
        selector = selector.Trim();
        if (selector.Length == 0 || selectors.ParseSelector(selector) is null)
        {
            throw new SiteProfileException($"'{field}': '{selector}' is not a valid CSS selector");
        }
        return selector;
    }

    private static IReadOnlyList<string> SelectorList(JsonElement parent, string name, CssSelectorParser selectors)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }
        if (value.ValueKind == JsonValueKind.String)
        {
            return [CheckSelector(value.GetString()!, name, selectors)];
        }
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new SiteProfileException($"'{name}' must be a list of CSS selectors");
        }
        var result = new List<string>();
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                throw new SiteProfileException($"'{name}' must be a list of CSS selectors");
            }
            result.Add(CheckSelector(item.GetString()!, name, selectors));
        }
        return result;
    }

    private static ProfileDate? Date(JsonElement parent, string name, CssSelectorParser selectors)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (value.ValueKind == JsonValueKind.String)
        {
            return new ProfileDate(CheckSelector(value.GetString()!, name, selectors));
        }
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw new SiteProfileException($"'{name}' must be a selector or {{\"selector\": ..., \"format\": ...}}");
        }
        CheckFields(value, DateFields, name + ".");
        var selector = Selector(value, "selector", selectors, name + ".")
            ?? throw new SiteProfileException($"'{name}.selector' is missing");
        string? format = null;
        if (value.TryGetProperty("format", out var formatValue) && formatValue.ValueKind != JsonValueKind.Null)
        {
            format = formatValue.ValueKind == JsonValueKind.String ? formatValue.GetString()!.Trim() : throw new SiteProfileException($"'{name}.format' must be a string");
            var date = new ProfileDate(selector, format);
            if (date.HasPattern && !IsDatePattern(format))
            {
                throw new SiteProfileException($"'{name}.format': '{format}' is neither \"russian\" nor a date pattern with day, month and year (e.g. \"dd.MM.yyyy HH:mm\")");
            }
        }
        return new ProfileDate(selector, format);
    }

    /// <summary>A pattern that formats a known date back into something with its day, month and year.</summary>
    private static bool IsDatePattern(string format)
    {
        try
        {
            var sample = new DateTime(2026, 11, 23, 14, 35, 0, DateTimeKind.Unspecified).ToString(format, CultureInfo.GetCultureInfo("ru-RU"));
            return format.Contains('d') && format.Contains('M') && format.Contains('y') && sample.Length > 0;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static IReadOnlyList<ProfileLinkList> Lists(JsonElement root, CssSelectorParser selectors)
    {
        if (!root.TryGetProperty("lists", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new SiteProfileException("'lists' must be a list of {\"kind\", \"container\", \"item\", \"date\"} objects");
        }
        var result = new List<ProfileLinkList>();
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw new SiteProfileException("'lists' must be a list of {\"kind\", \"container\", \"item\", \"date\"} objects");
            }
            var kindText = item.TryGetProperty("kind", out var kindValue) && kindValue.ValueKind == JsonValueKind.String ? kindValue.GetString()! : "sidebar";
            if (!ListKinds.Contains(kindText, StringComparer.Ordinal))
            {
                throw new SiteProfileException($"'lists.kind': '{kindText}' is not one of {string.Join(", ", ListKinds)}");
            }
            var kind = kindText switch
            {
                "related" => LinkKind.Related,
                "tag" => LinkKind.Tag,
                _ => LinkKind.Sidebar,
            };
            result.Add(List(item, "lists", kind, selectors));
        }
        return result;
    }

    private static ProfileLinkList List(JsonElement value, string name, LinkKind kind, CssSelectorParser selectors)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            return new ProfileLinkList(kind, CheckSelector(value.GetString()!, name, selectors));
        }
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw new SiteProfileException($"'{name}' must be a selector or {{\"container\": ..., \"item\": ..., \"date\": ...}}");
        }
        CheckFields(value, name == "lists" ? ListFields : ListFields[1..], name + ".");
        var container = Selector(value, "container", selectors, name + ".") ?? throw new SiteProfileException($"'{name}.container' is missing");
        return new ProfileLinkList(kind, container, Selector(value, "item", selectors, name + "."), Selector(value, "date", selectors, name + "."));
    }

    private static void WriteIfSet(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    private static void WriteDate(Utf8JsonWriter json, string name, ProfileDate? date)
    {
        if (date is null)
        {
            return;
        }
        json.WriteStartObject(name);
        json.WriteString("selector", date.Selector);
        WriteIfSet(json, "format", date.Format);
        json.WriteEndObject();
    }

    private static void WriteList(Utf8JsonWriter json, ProfileLinkList list, bool withKind)
    {
        json.WriteStartObject();
        if (withKind)
        {
            json.WriteString("kind", list.Kind.ToString().ToLowerInvariant());
        }
        json.WriteString("container", list.Container);
        WriteIfSet(json, "item", list.Item);
        WriteIfSet(json, "date", list.Date);
        json.WriteEndObject();
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return (end < 0 ? message : message[..end]).TrimEnd('.');
    }
}
