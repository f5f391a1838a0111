using static K2Verifier.Datasets.Generation.Catalog.CatalogBuilder;

namespace K2Verifier.Datasets.Generation.Catalog;

/// <summary>Chat, contacts and notifications.</summary>
internal static class MessagingTools
{
    public static IEnumerable<ToolSpec> Create()
    {
        yield return Tool("messaging", "send_chat_message", "Post a message to a team chat channel.",
            """{"type":"object","properties":{"channel":{"type":"string","pattern":"^#[a-z0-9_-]+$"},"text":{"type":"string","minLength":1,"maxLength":4000},"thread_ts":{"type":["string","null"]},"mentions":{"type":"array","items":{"type":"string"}}},"required":["channel","text"],"additionalProperties":false}""",
            Ex("Tell #release that the 2.14 build is green.", "在 #release 频道说一下 2.14 的构建已经通过了。", """{"channel":"#release","text":"The 2.14 build is green."}""", """{"ok":true,"ts":"1755252000.001"}"""));
        yield return Tool("messaging", "send_sms", "Send a text message.",
            """{"type":"object","properties":{"to":{"type":"string","pattern":"^\\+[1-9]\\d{6,14}$"},"text":{"type":"string","maxLength":640}},"required":["to","text"],"additionalProperties":false}""",
            Ex("Text +8613800138000 that I'll be 10 minutes late.", "给 +8613800138000 发短信，说我会晚到十分钟。", """{"to":"+8613800138000","text":"I'll be about 10 minutes late, sorry!"}""", """{"status":"queued","sid":"SM71a2"}"""));
        yield return Tool("messaging", "lookup_contact", "Find a contact in the address book.",
            """{"type":"object","properties":{"name":{"type":"string"},"fields":{"type":"array","items":{"type":"string","enum":["email","phone","company","title"]}}},"required":["name"],"additionalProperties":false}""",
            Ex("What's Chen Jing's phone number?", "陈静的电话号码是多少？", """{"name":"Chen Jing","fields":["phone"]}""", """{"contacts":[{"name":"Chen Jing","phone":"+86 139 0000 1234"}]}"""));
        yield return Tool("messaging", "translate_text", "Translate text between languages.",
            """{"type":"object","properties":{"text":{"type":"string"},"source_lang":{"type":["string","null"],"description":"ISO 639-1, null to detect"},"target_lang":{"type":"string","pattern":"^[a-z]{2}(-[A-Z]{2})?$"},"formality":{"type":"string","enum":["default","formal","informal"]}},"required":["text","target_lang"],"additionalProperties":false}""",
            Ex("Use the translator to put 'We look forward to working with you' into formal Japanese.", "用翻译工具把“期待与您合作”翻成正式的日语。", """{"text":"We look forward to working with you","target_lang":"ja","formality":"formal"}""", """{"translation":"今後ともよろしくお願い申し上げます。"}"""));
        yield return Tool("messaging", "create_task", "Create a task in the team's task tracker.",
            """{"type":"object","properties":{"title":{"type":"string"},"assignee":{"type":["string","null"]},"due":{"type":["string","null"],"format":"date"},"priority":{"type":"integer","minimum":1,"maximum":4,"default":3},"labels":{"type":"array","items":{"type":"string"},"uniqueItems":true},"subtasks":{"type":"array","items":{"type":"object","properties":{"title":{"type":"string"},"done":{"type":"boolean","default":false}},"required":["title"]}}},"required":["title"],"additionalProperties":false}""",
            Ex("Create a task for Wang Lei to update the onboarding doc by 2025-08-29, priority 2.", "给王磊建个任务：2025-08-29 前更新入职文档，优先级 2。", """{"title":"Update the onboarding doc","assignee":"Wang Lei","due":"2025-08-29","priority":2}""", """{"task_id":"T-1042","status":"open"}"""));
    }
}
