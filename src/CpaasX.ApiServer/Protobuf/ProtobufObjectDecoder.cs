using System.Text.Json.Nodes;

using CpaasX.ApiServer.Errors;

using Google.Protobuf;

namespace CpaasX.ApiServer.Protobuf;

/// <summary>
/// Decodes the protobuf bodies that kubectl's generator commands (<c>create namespace|configmap|secret</c>) send, into the
/// same JSON a JSON client would have sent. Field numbers are those of Kubernetes' generated.proto.
/// </summary>
internal static class ProtobufObjectDecoder
{
    public const string ContentType = "application/vnd.kubernetes.protobuf";

    private static readonly byte[] Magic = "k8s\0"u8.ToArray();

    public static JsonObject Decode(ReadOnlySpan<byte> body)
    {
        if (!body.StartsWith(Magic))
        {
            throw ApiErrors.BadRequest("protobuf body without the k8s magic prefix");
        }

        string apiVersion = "", kind = "";
        var raw = ByteString.Empty;
        foreach (var (field, input) in Fields(body[Magic.Length..].ToArray()))
        {
            switch (field)
            {
                case 1:
                    foreach (var (typeField, typeInput) in Fields(input.ReadBytes().ToByteArray()))
                    {
                        if (typeField == 1) { apiVersion = typeInput.ReadString(); }
                        else if (typeField == 2) { kind = typeInput.ReadString(); }
                        else { typeInput.SkipLastField(); }
                    }

                    break;
                case 2:
                    raw = input.ReadBytes();
                    break;
                default:
                    input.SkipLastField();
                    break;
            }
        }

        var obj = new JsonObject { ["apiVersion"] = apiVersion, ["kind"] = kind };
        var decodeKind = kind switch
        {
            "ConfigMap" => (Action<int, CodedInputStream, JsonObject>)ConfigMapField,
            "Secret" => SecretField,
            "Namespace" => NamespaceField,
            _ => throw new ApiException(415, "UnsupportedMediaType", $"protobuf bodies of kind {kind} are not supported by this server; send JSON"),
        };
        foreach (var (field, input) in Fields(raw.ToByteArray()))
        {
            if (field == 1)
            {
                obj["metadata"] = Metadata(input.ReadBytes());
            }
            else
            {
                decodeKind(field, input, obj);
            }
        }

        return obj;
    }

    private static void ConfigMapField(int field, CodedInputStream input, JsonObject obj)
    {
        switch (field)
        {
            case 2: AddEntry(obj, "data", input.ReadBytes(), v => v.ToStringUtf8()); break;
            case 3: AddEntry(obj, "binaryData", input.ReadBytes(), v => v.ToBase64()); break;
            case 4: obj["immutable"] = input.ReadBool(); break;
            default: input.SkipLastField(); break;
        }
    }

    private static void SecretField(int field, CodedInputStream input, JsonObject obj)
    {
        switch (field)
        {
            case 2: AddEntry(obj, "data", input.ReadBytes(), v => v.ToBase64()); break;
            case 3: SetIfPresent(obj, "type", input.ReadString()); break;
            case 4: AddEntry(obj, "stringData", input.ReadBytes(), v => v.ToStringUtf8()); break;
            case 5: obj["immutable"] = input.ReadBool(); break;
            default: input.SkipLastField(); break;
        }
    }

    private static void NamespaceField(int field, CodedInputStream input, JsonObject obj)
    {
        if (field == 2)
        {
            var finalizers = new JsonArray();
            foreach (var (specField, specInput) in Fields(input.ReadBytes().ToByteArray()))
            {
                if (specField == 1) { finalizers.Add(specInput.ReadString()); }
                else { specInput.SkipLastField(); }
            }

            obj["spec"] = new JsonObject { ["finalizers"] = finalizers };
        }
        else
        {
            input.SkipLastField();
        }
    }

    private static JsonObject Metadata(ByteString bytes)
    {
        var metadata = new JsonObject();
        foreach (var (field, input) in Fields(bytes.ToByteArray()))
        {
            switch (field)
            {
                case 1: SetIfPresent(metadata, "name", input.ReadString()); break;
                case 2: SetIfPresent(metadata, "generateName", input.ReadString()); break;
                case 3: SetIfPresent(metadata, "namespace", input.ReadString()); break;
                case 5: SetIfPresent(metadata, "uid", input.ReadString()); break;
                case 6: SetIfPresent(metadata, "resourceVersion", input.ReadString()); break;
                case 11: AddEntry(metadata, "labels", input.ReadBytes(), v => v.ToStringUtf8()); break;
                case 12: AddEntry(metadata, "annotations", input.ReadBytes(), v => v.ToStringUtf8()); break;
                case 14:
                    var finalizers = metadata["finalizers"] as JsonArray ?? [];
                    finalizers.Add(input.ReadString());
                    metadata["finalizers"] = finalizers;
                    break;
                default: input.SkipLastField(); break;
            }
        }

        return metadata;
    }

    /// <summary>Go's generated code writes empty strings too; JSON clients leave them out, and so does this decoder.</summary>
    private static void SetIfPresent(JsonObject target, string key, string value)
    {
        if (value.Length > 0)
        {
            target[key] = value;
        }
    }

    /// <summary>A protobuf map entry is a message with the key in field 1 and the value in field 2.</summary>
    private static void AddEntry(JsonObject target, string mapName, ByteString entry, Func<ByteString, string> value)
    {
        var key = "";
        var entryValue = ByteString.Empty;
        foreach (var (field, input) in Fields(entry.ToByteArray()))
        {
            if (field == 1) { key = input.ReadString(); }
            else if (field == 2) { entryValue = input.ReadBytes(); }
            else { input.SkipLastField(); }
        }

        var map = target[mapName] as JsonObject ?? [];
        map[key] = value(entryValue);
        target[mapName] = map;
    }

    /// <summary>Yields each field number with the stream positioned on its value; the caller must read or skip it.</summary>
    private static IEnumerable<(int Field, CodedInputStream Input)> Fields(byte[] message)
    {
        var input = new CodedInputStream(message);
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            yield return (WireFormat.GetTagFieldNumber(tag), input);
        }
    }
}
