using System.Text.Json.Serialization;

namespace NewsArchive.Storage;

/// <summary>
/// The JSON the archive keeps (authors, feeds) and passes to SQL (id and name lists), serialised by generated
/// code: reflection-based System.Text.Json builds its metadata at run time, a visible share of a short command's start-up.
/// </summary>
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(long[]))]
internal sealed partial class StorageJson : JsonSerializerContext;
