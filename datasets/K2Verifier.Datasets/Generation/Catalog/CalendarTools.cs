using static K2Verifier.Datasets.Generation.Catalog.CatalogBuilder;

namespace K2Verifier.Datasets.Generation.Catalog;

/// <summary>Calendars, meetings and reminders.</summary>
internal static class CalendarTools
{
    public static IEnumerable<ToolSpec> Create()
    {
        yield return Tool("calendar", "create_calendar_event", "Create an event in the user's calendar.",
            """{"type":"object","properties":{"title":{"type":"string","minLength":1,"maxLength":200},"start":{"type":"string","format":"date-time"},"end":{"type":"string","format":"date-time"},"attendees":{"type":"array","items":{"$ref":"#/$defs/attendee"}},"location":{"type":["string","null"]},"reminder_minutes":{"type":"integer","enum":[0,5,10,15,30,60],"default":10},"recurrence":{"anyOf":[{"type":"null"},{"type":"string","enum":["daily","weekly","monthly"]}]}},"required":["title","start","end"],"additionalProperties":false,"$defs":{"attendee":{"type":"object","properties":{"email":{"type":"string","format":"email"},"optional":{"type":"boolean","default":false}},"required":["email"],"additionalProperties":false}}}""",
            Ex("Schedule a design review tomorrow 2025-08-16 from 14:00 to 15:00 with anna@example.com.", "明天 2025-08-16 下午两点到三点安排一个设计评审，邀请 anna@example.com。", """{"title":"Design review","start":"2025-08-16T14:00:00+08:00","end":"2025-08-16T15:00:00+08:00","attendees":[{"email":"anna@example.com"}]}""", """{"event_id":"evt_93kd","status":"created"}"""),
            Ex("Put a weekly 1:1 with my manager on Mondays at 10:00 starting 2025-08-18, 30 minutes.", "从 2025-08-18 开始每周一上午十点和经理一对一，30 分钟，帮我加到日历。", """{"title":"1:1 with manager","start":"2025-08-18T10:00:00+08:00","end":"2025-08-18T10:30:00+08:00","recurrence":"weekly","reminder_minutes":5}""", """{"event_id":"evt_1x9a","status":"created"}"""));
        yield return Tool("calendar", "list_calendar_events", "List events in a time window.",
            """{"type":"object","properties":{"time_min":{"type":"string","format":"date-time"},"time_max":{"type":"string","format":"date-time"},"calendar_id":{"type":"string","default":"primary"},"max_results":{"type":"integer","minimum":1,"maximum":250,"default":25}},"required":["time_min","time_max"]}""",
            Ex("What's on my calendar on 2025-08-18?", "我 2025-08-18 有哪些日程？", """{"time_min":"2025-08-18T00:00:00+08:00","time_max":"2025-08-18T23:59:59+08:00"}""", """{"events":[{"title":"Standup","start":"09:30"},{"title":"Budget sync","start":"15:00"}]}"""));
        yield return Tool("calendar", "find_free_slots", "Find common free time for several people.",
            """{"type":"object","properties":{"participants":{"type":"array","items":{"type":"string","format":"email"},"minItems":1},"duration_minutes":{"type":"integer","minimum":15,"maximum":480,"multipleOf":15},"window":{"type":"object","properties":{"start":{"type":"string","format":"date"},"end":{"type":"string","format":"date"}},"required":["start","end"]},"working_hours_only":{"type":"boolean","default":true}},"required":["participants","duration_minutes","window"],"additionalProperties":false}""",
            Ex("Find a 45-minute slot next week (2025-08-18 to 2025-08-22) for me, bob@example.com and chen@example.com.", "下周（2025-08-18 到 08-22）给我、bob@example.com 和 chen@example.com 找一个 45 分钟的空档。", """{"participants":["me@example.com","bob@example.com","chen@example.com"],"duration_minutes":45,"window":{"start":"2025-08-18","end":"2025-08-22"}}""", """{"slots":[{"start":"2025-08-19T10:00:00+08:00"},{"start":"2025-08-21T16:00:00+08:00"}]}"""));
        yield return Tool("calendar", "set_reminder", "Set a reminder notification.",
            """{"type":"object","properties":{"text":{"type":"string","minLength":1},"remind_at":{"type":"string","format":"date-time"},"channel":{"type":"string","enum":["push","sms","email"],"default":"push"}},"required":["text","remind_at"],"additionalProperties":false}""",
            Ex("Remind me to call the dentist at 9am on 2025-08-19.", "2025-08-19 早上九点提醒我给牙医打电话。", """{"text":"Call the dentist","remind_at":"2025-08-19T09:00:00+08:00"}""", """{"reminder_id":"rem_551","status":"scheduled"}"""));
        yield return Tool("calendar", "cancel_calendar_event", "Cancel an event and optionally notify attendees.",
            """{"type":"object","properties":{"event_id":{"type":"string","pattern":"^evt_[a-z0-9]+$"},"notify_attendees":{"type":"boolean","default":true},"message":{"type":["string","null"]}},"required":["event_id"]}""",
            Ex("Cancel event evt_93kd and tell everyone it's postponed.", "取消 evt_93kd 这个会议，并通知大家延期。", """{"event_id":"evt_93kd","notify_attendees":true,"message":"Postponed, new time to follow."}""", """{"status":"cancelled","notified":3}"""));
    }
}
