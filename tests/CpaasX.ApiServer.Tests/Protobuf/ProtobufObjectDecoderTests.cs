using System.Text.Json.Nodes;

using CpaasX.ApiServer.Errors;
using CpaasX.ApiServer.Protobuf;

using Google.Protobuf;

namespace CpaasX.ApiServer.Tests.Protobuf;

public sealed class ProtobufObjectDecoderTests
{
    [Fact]
    public void Decodes_a_Namespace_with_labels_annotations_finalizers_and_spec_finalizers()
    {
        var metadata = Message(w =>
        {
            w.WriteTag(1, WireFormat.WireType.LengthDelimited); w.WriteString("team");
            w.WriteTag(2, WireFormat.WireType.LengthDelimited); w.WriteString("");
            w.WriteTag(11, WireFormat.WireType.LengthDelimited); w.WriteBytes(Entry("env", ByteString.CopyFromUtf8("prod")));
            w.WriteTag(12, WireFormat.WireType.LengthDelimited); w.WriteBytes(Entry("note", ByteString.CopyFromUtf8("hi")));
            w.WriteTag(14, WireFormat.WireType.LengthDelimited); w.WriteString("a/b");
            w.WriteTag(99, WireFormat.WireType.Varint); w.WriteInt32(7);
        });
        var spec = Message(w => { w.WriteTag(1, WireFormat.WireType.LengthDelimited); w.WriteString("kubernetes"); });

        var decoded = ProtobufObjectDecoder.Decode(Envelope("v1", "Namespace", Message(w =>
        {
            w.WriteTag(1, WireFormat.WireType.LengthDelimited); w.WriteBytes(metadata);
            w.WriteTag(2, WireFormat.WireType.LengthDelimited); w.WriteBytes(spec);
        })));

        var expected = JsonNode.Parse("""
            {"apiVersion":"v1","kind":"Namespace","metadata":{"name":"team","labels":{"env":"prod"},"annotations":{"note":"hi"},"finalizers":["a/b"]},
             "spec":{"finalizers":["kubernetes"]}}
            """);
        Assert.True(JsonNode.DeepEquals(expected, decoded), decoded.ToJsonString());
    }

    [Fact]
    public void Decodes_ConfigMap_data_binaryData_and_immutable()
    {
        var decoded = ProtobufObjectDecoder.Decode(Envelope("v1", "ConfigMap", Message(w =>
        {
            w.WriteTag(1, WireFormat.WireType.LengthDelimited); w.WriteBytes(Message(m => { m.WriteTag(1, WireFormat.WireType.LengthDelimited); m.WriteString("cfg"); }));
            w.WriteTag(2, WireFormat.WireType.LengthDelimited); w.WriteBytes(Entry("a", ByteString.CopyFromUtf8("1")));
            w.WriteTag(3, WireFormat.WireType.LengthDelimited); w.WriteBytes(Entry("bin", ByteString.CopyFrom(1, 2, 3)));
            w.WriteTag(4, WireFormat.WireType.Varint); w.WriteBool(true);
        })));

        Assert.Equal("1", decoded["data"]!["a"]!.ToString());
        Assert.Equal("AQID", decoded["binaryData"]!["bin"]!.ToString());
        Assert.True(decoded["immutable"]!.GetValue<bool>());
    }

    [Fact]
    public void Decodes_Secret_data_as_base64_with_type_and_stringData()
    {
        var decoded = ProtobufObjectDecoder.Decode(Envelope("v1", "Secret", Message(w =>
        {
            w.WriteTag(2, WireFormat.WireType.LengthDelimited); w.WriteBytes(Entry("k", ByteString.CopyFromUtf8("v")));
            w.WriteTag(3, WireFormat.WireType.LengthDelimited); w.WriteString("Opaque");
            w.WriteTag(4, WireFormat.WireType.LengthDelimited); w.WriteBytes(Entry("plain", ByteString.CopyFromUtf8("text")));
        })));

        Assert.Equal("dg==", decoded["data"]!["k"]!.ToString());
        Assert.Equal("Opaque", decoded["type"]!.ToString());
        Assert.Equal("text", decoded["stringData"]!["plain"]!.ToString());
    }

    [Fact]
    public void Refuses_bodies_without_the_magic_and_kinds_it_does_not_know()
    {
        var noMagic = Assert.Throws<ApiException>(() => ProtobufObjectDecoder.Decode([1, 2, 3]));
        var unknownKind = Assert.Throws<ApiException>(() => ProtobufObjectDecoder.Decode(Envelope("apps/v1", "Deployment", ByteString.Empty)));

        Assert.Equal(400, noMagic.Code);
        Assert.Equal(415, unknownKind.Code);
    }

    private static byte[] Envelope(string apiVersion, string kind, ByteString raw)
    {
        var typeMeta = Message(w =>
        {
            w.WriteTag(1, WireFormat.WireType.LengthDelimited); w.WriteString(apiVersion);
            w.WriteTag(2, WireFormat.WireType.LengthDelimited); w.WriteString(kind);
        });
        var unknown = Message(w =>
        {
            w.WriteTag(1, WireFormat.WireType.LengthDelimited); w.WriteBytes(typeMeta);
            w.WriteTag(2, WireFormat.WireType.LengthDelimited); w.WriteBytes(raw);
            w.WriteTag(4, WireFormat.WireType.LengthDelimited); w.WriteString("application/vnd.kubernetes.protobuf");
        });
        return [.. "k8s\0"u8.ToArray(), .. unknown.ToByteArray()];
    }

    private static ByteString Entry(string key, ByteString value) => Message(w =>
    {
        w.WriteTag(1, WireFormat.WireType.LengthDelimited); w.WriteString(key);
        w.WriteTag(2, WireFormat.WireType.LengthDelimited); w.WriteBytes(value);
    });

    private static ByteString Message(Action<CodedOutputStream> write)
    {
        using var buffer = new MemoryStream();
        var output = new CodedOutputStream(buffer);
        write(output);
        output.Flush();
        return ByteString.CopyFrom(buffer.ToArray());
    }
}
