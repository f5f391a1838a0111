using static K2Verifier.Datasets.Generation.Catalog.CatalogBuilder;

namespace K2Verifier.Datasets.Generation.Catalog;

/// <summary>Files and documents in a cloud drive.</summary>
internal static class FilesTools
{
    public static IEnumerable<ToolSpec> Create()
    {
        yield return Tool("files", "list_files", "List files in a folder.",
            """{"type":"object","properties":{"path":{"type":"string","default":"/"},"recursive":{"type":"boolean","default":false},"pattern":{"type":["string","null"],"description":"Glob such as *.pdf"},"sort":{"type":"string","enum":["name","modified","size"]}},"additionalProperties":false}""",
            Ex("List the PDFs in /contracts.", "列出 /contracts 目录下的 PDF 文件。", """{"path":"/contracts","pattern":"*.pdf"}""", """{"files":[{"name":"lease-2025.pdf","size":182733},{"name":"nda-acme.pdf","size":90211}]}"""));
        yield return Tool("files", "read_file", "Read a text file.",
            """{"type":"object","properties":{"path":{"type":"string","minLength":1},"encoding":{"type":"string","enum":["utf-8","gbk","latin-1"],"default":"utf-8"},"line_range":{"type":"array","prefixItems":[{"type":"integer","minimum":1},{"type":"integer","minimum":1}],"items":false}},"required":["path"],"additionalProperties":false}""",
            Ex("Show me lines 1 to 40 of /src/config/settings.yaml.", "给我看 /src/config/settings.yaml 的第 1 到 40 行。", """{"path":"/src/config/settings.yaml","line_range":[1,40]}""", """{"content":"server:\n  port: 8080\n  workers: 4\n"}"""));
        yield return Tool("files", "write_file", "Create or overwrite a text file.",
            """{"type":"object","properties":{"path":{"type":"string","minLength":1},"content":{"type":"string"},"mode":{"type":"string","enum":["overwrite","append","create_only"],"default":"create_only"}},"required":["path","content"],"additionalProperties":false}""",
            Ex("Save 'TODO: renew passport' into /notes/todo.txt, appending to it.", "把“待办：续签护照”追加写入 /notes/todo.txt。", """{"path":"/notes/todo.txt","content":"TODO: renew passport\n","mode":"append"}""", """{"status":"ok","bytes_written":21}"""));
        yield return Tool("files", "search_documents", "Full-text search over the user's documents.",
            """{"type":"object","properties":{"query":{"type":"string"},"file_types":{"type":"array","items":{"type":"string","enum":["pdf","docx","xlsx","pptx","md","txt"]}},"modified_after":{"type":"string","format":"date"},"top_k":{"type":"integer","minimum":1,"maximum":20,"default":5}},"required":["query"]}""",
            Ex("Which of my documents mention the 'Project Aurora' budget?", "我的哪些文档里提到了“极光项目”的预算？", """{"query":"Project Aurora budget","file_types":["docx","xlsx"]}""", """{"hits":[{"path":"/finance/aurora-budget.xlsx","score":0.91}]}"""));
        yield return Tool("files", "share_file", "Share a file with people.",
            """{"type":"object","properties":{"path":{"type":"string"},"recipients":{"type":"array","items":{"type":"object","properties":{"email":{"type":"string","format":"email"},"role":{"type":"string","enum":["viewer","commenter","editor"]}},"required":["email","role"]},"minItems":1},"expires_at":{"type":["string","null"],"format":"date-time"}},"required":["path","recipients"],"additionalProperties":false}""",
            Ex("Share /finance/aurora-budget.xlsx with lin@example.com as a viewer.", "把 /finance/aurora-budget.xlsx 以只读方式分享给 lin@example.com。", """{"path":"/finance/aurora-budget.xlsx","recipients":[{"email":"lin@example.com","role":"viewer"}]}""", """{"status":"shared","link":"https://drive.example.com/s/aB3"}"""));
    }
}
