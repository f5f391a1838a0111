using Google.Protobuf;

namespace K2Verifier.OrtGenAI.Integration.Tests.TestModelBuilding;

/// <summary>
/// Just enough of ONNX's protobuf schema (onnx/onnx.proto, field numbers of onnx.proto3) to write a model: each
/// method returns one encoded message, written with Google.Protobuf's <see cref="CodedOutputStream"/>.
/// </summary>
internal static class OnnxProto
{
    public const int FloatType = 1;
    public const int Int64Type = 7;
    public const int Int32Type = 6;

    /// <summary>
    /// ModelProto: ir_version (1), producer_name (2), graph (7), opset_import (8: the default domain, and
    /// ONNX Runtime's <c>com.microsoft</c> contrib domain at version 1).
    /// </summary>
    public static byte[] Model(byte[] graph, long opset) => Message(o =>
    {
        o.WriteTag(1, WireFormat.WireType.Varint);
        o.WriteInt64(8);
        WriteString(o, 2, "k2verifier-tests");
        WriteBytes(o, 7, graph);
        foreach (var (domain, version) in new[] { (string.Empty, opset), (MicrosoftDomain, 1L) })
        {
            WriteBytes(o, 8, Message(op =>
            {
                WriteString(op, 1, domain);
                op.WriteTag(2, WireFormat.WireType.Varint);
                op.WriteInt64(version);
            }));
        }
    });

    /// <summary>ONNX Runtime's contrib-operator domain (GroupQueryAttention).</summary>
    public const string MicrosoftDomain = "com.microsoft";

    /// <summary>GraphProto: node (1), name (2), initializer (5), input (11), output (12).</summary>
    public static byte[] Graph(IEnumerable<byte[]> nodes, IEnumerable<byte[]> initializers, IEnumerable<byte[]> inputs, IEnumerable<byte[]> outputs) => Message(o =>
    {
        foreach (var node in nodes)
        {
            WriteBytes(o, 1, node);
        }

        WriteString(o, 2, "tiny-llama");
        foreach (var initializer in initializers)
        {
            WriteBytes(o, 5, initializer);
        }

        foreach (var input in inputs)
        {
            WriteBytes(o, 11, input);
        }

        foreach (var output in outputs)
        {
            WriteBytes(o, 12, output);
        }
    });

    /// <summary>NodeProto: input (1), output (2), name (3), op_type (4), attribute (5), in the default domain.</summary>
    public static byte[] Node(string opType, string[] inputs, string output, params byte[][] attributes) =>
        Node(string.Empty, opType, inputs, [output], attributes);

    /// <summary>NodeProto with several outputs and a domain (7); an empty input name is an omitted optional input.</summary>
    public static byte[] Node(string domain, string opType, string[] inputs, string[] outputs, params byte[][] attributes) => Message(o =>
    {
        foreach (var input in inputs)
        {
            WriteString(o, 1, input);
        }

        foreach (var output in outputs)
        {
            WriteString(o, 2, output);
        }

        WriteString(o, 3, outputs[0] + "_node");
        WriteString(o, 4, opType);
        foreach (var attribute in attributes)
        {
            WriteBytes(o, 5, attribute);
        }

        if (domain.Length > 0)
        {
            WriteString(o, 7, domain);
        }
    });

    /// <summary>AttributeProto of type INT (2): name (1), i (3), type (20).</summary>
    public static byte[] IntAttribute(string name, long value) => Message(o =>
    {
        WriteString(o, 1, name);
        o.WriteTag(3, WireFormat.WireType.Varint);
        o.WriteInt64(value);
        o.WriteTag(20, WireFormat.WireType.Varint);
        o.WriteInt32(2);
    });

    /// <summary>AttributeProto of type INTS (7): name (1), ints (8), type (20).</summary>
    public static byte[] IntsAttribute(string name, params long[] values) => Message(o =>
    {
        WriteString(o, 1, name);
        foreach (var value in values)
        {
            o.WriteTag(8, WireFormat.WireType.Varint);
            o.WriteInt64(value);
        }

        o.WriteTag(20, WireFormat.WireType.Varint);
        o.WriteInt32(7);
    });

    /// <summary>TensorProto: dims (1), data_type (2), name (8), raw_data (9, little-endian).</summary>
    public static byte[] Tensor(string name, long[] dims, int dataType, byte[] raw) => Message(o =>
    {
        foreach (var dim in dims)
        {
            o.WriteTag(1, WireFormat.WireType.Varint);
            o.WriteInt64(dim);
        }

        o.WriteTag(2, WireFormat.WireType.Varint);
        o.WriteInt32(dataType);
        WriteString(o, 8, name);
        WriteBytes(o, 9, raw);
    });

    /// <summary>ValueInfoProto (name 1, type 2) of a tensor: TypeProto.tensor_type (1) with elem_type (1) and shape (2); a dimension is a number or a symbolic name.</summary>
    public static byte[] Value(string name, int elementType, params object[] dims) => Message(o =>
    {
        WriteString(o, 1, name);
        WriteBytes(o, 2, Message(type => WriteBytes(type, 1, Message(tensor =>
        {
            tensor.WriteTag(1, WireFormat.WireType.Varint);
            tensor.WriteInt32(elementType);
            WriteBytes(tensor, 2, Message(shape =>
            {
                foreach (var dim in dims)
                {
                    WriteBytes(shape, 1, Message(d =>
                    {
                        if (dim is string symbol)
                        {
                            WriteString(d, 2, symbol);
                        }
                        else
                        {
                            d.WriteTag(1, WireFormat.WireType.Varint);
                            d.WriteInt64(Convert.ToInt64(dim, System.Globalization.CultureInfo.InvariantCulture));
                        }
                    }));
                }
            }));
        }))));
    });

    private static byte[] Message(Action<CodedOutputStream> write)
    {
        using var buffer = new MemoryStream();
        using (var output = new CodedOutputStream(buffer, leaveOpen: true))
        {
            write(output);
        }

        return buffer.ToArray();
    }

    private static void WriteString(CodedOutputStream output, int field, string value)
    {
        output.WriteTag(field, WireFormat.WireType.LengthDelimited);
        output.WriteString(value);
    }

    private static void WriteBytes(CodedOutputStream output, int field, byte[] value)
    {
        output.WriteTag(field, WireFormat.WireType.LengthDelimited);
        output.WriteBytes(ByteString.CopyFrom(value));
    }
}
