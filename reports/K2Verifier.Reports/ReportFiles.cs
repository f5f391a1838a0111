using System.Text;

namespace K2Verifier.Reports;

/// <summary>Writing report files: UTF-8 without BOM, LF line endings, through a temporary file and a rename.</summary>
internal static class ReportFiles
{
    public static async Task<ReportArtifact> WriteAsync(string directory, string fileName, string text, string description, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, fileName);
        var temporary = path + ".tmp";
        await File.WriteAllTextAsync(temporary, text, new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
        File.Move(temporary, path, overwrite: true);
        return new ReportArtifact(path, description);
    }

    public static async Task<ReportArtifact> WriteBytesAsync(string directory, string fileName, ReadOnlyMemory<byte> bytes, string description, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, fileName);
        var temporary = path + ".tmp";
        await File.WriteAllBytesAsync(temporary, bytes, cancellationToken).ConfigureAwait(false);
        File.Move(temporary, path, overwrite: true);
        return new ReportArtifact(path, description);
    }
}
