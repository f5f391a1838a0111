using static K2Verifier.Datasets.Generation.Catalog.CatalogBuilder;

namespace K2Verifier.Datasets.Generation.Catalog;

/// <summary>Email.</summary>
internal static class EmailTools
{
    public static IEnumerable<ToolSpec> Create()
    {
        yield return Tool("email", "send_email", "Send an email from the user's account.",
            """{"type":"object","properties":{"to":{"type":"array","items":{"type":"string","format":"email"},"minItems":1},"cc":{"type":"array","items":{"type":"string","format":"email"}},"subject":{"type":"string","maxLength":255},"body":{"type":"string"},"body_format":{"type":"string","enum":["text","html"],"default":"text"},"attachments":{"type":"array","items":{"type":"object","properties":{"file_id":{"type":"string"},"filename":{"type":"string"}},"required":["file_id"],"additionalProperties":false}}},"required":["to","subject","body"],"additionalProperties":false}""",
            Ex("Email sam@example.com that the Q3 report is delayed to Friday.", "给 sam@example.com 发邮件，说第三季度报告推迟到周五。", """{"to":["sam@example.com"],"subject":"Q3 report timing","body":"Hi Sam, the Q3 report will be ready on Friday instead. Thanks for your patience."}""", """{"message_id":"msg_7f31","status":"sent"}"""));
        yield return Tool("email", "search_emails", "Search the mailbox.",
            """{"type":"object","properties":{"query":{"type":"string"},"from":{"type":["string","null"]},"after":{"type":"string","format":"date"},"has_attachment":{"type":"boolean"},"folder":{"type":"string","enum":["inbox","sent","archive","all"],"default":"inbox"},"limit":{"type":"integer","minimum":1,"maximum":100,"default":20}},"required":["query"]}""",
            Ex("Find emails from the landlord about the deposit since June.", "找一下六月以来房东发的关于押金的邮件。", """{"query":"deposit","from":"landlord@example.com","after":"2025-06-01"}""", """{"emails":[{"id":"em_31","subject":"Re: deposit return","date":"2025-07-02"}]}"""));
        yield return Tool("email", "read_email", "Read one email by id.",
            """{"type":"object","properties":{"email_id":{"type":"string","pattern":"^em_[0-9]+$"},"include_attachments":{"type":"boolean","default":false}},"required":["email_id"],"additionalProperties":false}""",
            Ex("Open email em_31 and show me its content.", "打开邮件 em_31 给我看看内容。", """{"email_id":"em_31"}""", """{"from":"landlord@example.com","subject":"Re: deposit return","body":"The deposit will be returned within 14 days after the inspection."}"""));
        yield return Tool("email", "create_email_draft", "Save a draft without sending it.",
            """{"type":"object","properties":{"to":{"type":"array","items":{"type":"string","format":"email"}},"subject":{"type":"string"},"body":{"type":"string"},"reply_to_id":{"type":["string","null"]}},"required":["subject","body"]}""",
            Ex("Draft a thank-you note to the interview panel at hr@example.com, don't send it yet.", "给 hr@example.com 的面试官写一封感谢信草稿，先别发。", """{"to":["hr@example.com"],"subject":"Thank you","body":"Dear panel, thank you for your time today..."}""", """{"draft_id":"dr_12","status":"saved"}"""));
        yield return Tool("email", "manage_email_labels", "Add or remove labels on emails.",
            """{"type":"object","properties":{"email_ids":{"type":"array","items":{"type":"string"},"minItems":1},"add":{"type":"array","items":{"type":"string"}},"remove":{"type":"array","items":{"type":"string"}}},"required":["email_ids"],"anyOf":[{"required":["add"]},{"required":["remove"]}],"additionalProperties":false}""",
            Ex("Label em_31 and em_32 as 'housing'.", "把 em_31 和 em_32 打上“住房”标签。", """{"email_ids":["em_31","em_32"],"add":["housing"]}""", """{"updated":2}"""));
    }
}
