using System.Buffers;

namespace K2Verifier.Json;

/// <summary>
/// A growable buffer on <see cref="ArrayPool{T}.Shared"/> (bytes for JSON written, characters for a stream's text):
/// written through <see cref="IBufferWriter{T}"/> or <see cref="Write(ReadOnlySpan{T})"/>, read back as
/// <see cref="WrittenSpan"/>, returned to the pool on <see cref="Dispose"/>. Not thread-safe.
/// </summary>
internal sealed class PooledBuffer<T> : IBufferWriter<T>, IDisposable
{
    private T[] _array;
    private int _length;

    public PooledBuffer(int initialCapacity) => _array = ArrayPool<T>.Shared.Rent(Math.Max(initialCapacity, 256));

    /// <summary>What was written so far.</summary>
    public ReadOnlySpan<T> WrittenSpan => _array.AsSpan(0, _length);

    /// <summary>What was written so far (valid until the next write).</summary>
    public ReadOnlyMemory<T> WrittenMemory => _array.AsMemory(0, _length);

    /// <summary>The number of items written so far.</summary>
    public int Length => _length;

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _array.Length - _length);
        _length += count;
    }

    public Memory<T> GetMemory(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _array.AsMemory(_length);
    }

    public Span<T> GetSpan(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _array.AsSpan(_length);
    }

    /// <summary>Appends <paramref name="items"/>.</summary>
    public void Write(ReadOnlySpan<T> items)
    {
        Reserve(items.Length);
        items.CopyTo(_array.AsSpan(_length));
        _length += items.Length;
    }

    /// <summary>Appends one item.</summary>
    public void Write(T value)
    {
        Reserve(1);
        _array[_length++] = value;
    }

    /// <summary>Forgets the first <paramref name="count"/> items written (the rest move to the start).</summary>
    public void RemoveStart(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _length);
        _array.AsSpan(count, _length - count).CopyTo(_array);
        _length -= count;
    }

    /// <summary>Forgets what was written after the first <paramref name="length"/> items (the array is kept).</summary>
    public void Truncate(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, _length);
        _length = length;
    }

    public void Dispose()
    {
        var array = _array;
        _array = [];
        _length = 0;
        if (array.Length > 0)
        {
            ArrayPool<T>.Shared.Return(array);
        }
    }

    /// <summary>What was written, as a string (for a buffer of characters); a buffer of anything else names its type.</summary>
    public override string ToString() =>
        _array is char[] text ? new string(text, 0, _length) : $"PooledBuffer<{typeof(T).Name}>[{_length}]";

    private void Reserve(int sizeHint)
    {
        ObjectDisposedException.ThrowIf(_array.Length == 0, this); // only a disposed buffer has no array
        var needed = Math.Max(sizeHint, 1);
        if (_array.Length - _length >= needed)
        {
            return;
        }

        var grown = ArrayPool<T>.Shared.Rent(Math.Max(_array.Length * 2, _length + needed));
        _array.AsSpan(0, _length).CopyTo(grown);
        ArrayPool<T>.Shared.Return(_array);
        _array = grown;
    }
}
