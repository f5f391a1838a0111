using static K2Verifier.Datasets.Generation.Catalog.CatalogBuilder;

namespace K2Verifier.Datasets.Generation.Catalog;

/// <summary>Code execution and repositories.</summary>
internal static class CodeTools
{
    public static IEnumerable<ToolSpec> Create()
    {
        yield return Tool("code", "run_python", "Execute Python 3.11 code in a sandbox and return stdout, stderr and the last expression.",
            """{"type":"object","properties":{"code":{"type":"string","minLength":1},"timeout_s":{"type":"integer","minimum":1,"maximum":120,"default":30},"packages":{"type":"array","items":{"type":"string","pattern":"^[A-Za-z0-9_.-]+$"}}},"required":["code"],"additionalProperties":false}""",
            Ex("Compute the SHA-256 of the string 'kimi' for me by running code.", "运行代码算一下字符串 'kimi' 的 SHA-256。", """{"code":"import hashlib\nprint(hashlib.sha256(b'kimi').hexdigest())"}""", """{"stdout":"3f1b0c...e9\n","stderr":"","exit_code":0}"""),
            Ex("Run a quick simulation: average of 1e6 dice rolls.", "跑个模拟：掷 100 万次骰子的平均值是多少。", """{"code":"import random\nprint(sum(random.randint(1,6) for _ in range(10**6))/10**6)","timeout_s":60}""", """{"stdout":"3.499812\n","stderr":"","exit_code":0}"""));
        yield return Tool("code", "run_shell_command", "Run a shell command in the project workspace.",
            """{"type":"object","properties":{"command":{"type":"string"},"cwd":{"type":"string","default":"."},"env":{"type":"object","additionalProperties":{"type":"string"}},"timeout_s":{"type":"number","exclusiveMinimum":0,"maximum":600}},"required":["command"],"additionalProperties":false}""",
            Ex("Run the unit tests with pytest -q in the api folder.", "在 api 目录下运行 pytest -q 跑一下单元测试。", """{"command":"pytest -q","cwd":"api","timeout_s":300}""", """{"exit_code":1,"stdout":"2 failed, 118 passed in 14.2s"}"""));
        yield return Tool("code", "search_code", "Search the repository's code.",
            """{"type":"object","properties":{"query":{"type":"string"},"language":{"type":["string","null"],"enum":["python","typescript","go","rust","java","csharp",null]},"regex":{"type":"boolean","default":false},"path_prefix":{"type":"string"}},"required":["query"]}""",
            Ex("Where is the function parse_tool_calls defined in our Python code?", "我们的 Python 代码里 parse_tool_calls 在哪里定义的？", """{"query":"def parse_tool_calls","language":"python"}""", """{"matches":[{"path":"serving/parsers/kimi.py","line":88}]}"""));
        yield return Tool("code", "create_pull_request", "Open a pull request.",
            """{"type":"object","properties":{"repo":{"type":"string","pattern":"^[\\w.-]+/[\\w.-]+$"},"head":{"type":"string"},"base":{"type":"string","default":"main"},"title":{"type":"string","maxLength":256},"body":{"type":"string"},"draft":{"type":"boolean","default":false},"reviewers":{"type":"array","items":{"type":"string"},"maxItems":15}},"required":["repo","head","title"],"additionalProperties":false}""",
            Ex("Open a draft PR in acme/gateway from fix/tool-id-parsing titled 'Fix tool id parsing'.", "在 acme/gateway 从 fix/tool-id-parsing 分支开一个草稿 PR，标题“修复工具调用 id 解析”。", """{"repo":"acme/gateway","head":"fix/tool-id-parsing","title":"Fix tool id parsing","draft":true}""", """{"number":412,"url":"https://git.example.com/acme/gateway/pull/412"}"""));
        yield return Tool("code", "lint_code", "Lint a code snippet and return diagnostics.",
            """{"type":"object","properties":{"language":{"type":"string","enum":["python","javascript","typescript","go"]},"source":{"type":"string"},"rules":{"type":"object","properties":{"max_line_length":{"type":"integer","minimum":40,"maximum":200},"strict":{"type":"boolean"}},"additionalProperties":false}},"required":["language","source"]}""",
            Ex("Lint this Python: def f(x):return x+1", "帮我 lint 一下这段 Python：def f(x):return x+1", """{"language":"python","source":"def f(x):return x+1"}""", """{"diagnostics":[{"line":1,"code":"E231","message":"missing whitespace after ':'"}]}"""));
    }
}
