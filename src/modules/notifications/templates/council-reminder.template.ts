/** 'council.reminder' — a reminder the secretariat scheduled. View model: see render-message.ts. */
export const COUNCIL_REMINDER_HTML = `<p style="margin:0 0 16px;">{{t "common.greeting"}}</p>
<p style="margin:0 0 16px;">{{t "council.reminder.intro"}}</p>
<h1 style="margin:0 0 12px;font-size:20px;line-height:1.3;color:#1d3557;">{{title}}</h1>
<p style="margin:0 0 16px;">{{multiline message}}</p>
<p style="margin:0;font-size:14px;color:#52606d;"><strong>{{label "council.reminder.scheduledFor"}}</strong>{{sendAt}}</p>
`;

export const COUNCIL_REMINDER_TEXT = `{{t "common.greeting"}}

{{t "council.reminder.intro"}}

{{title}}

{{message}}

{{label "council.reminder.scheduledFor"}}{{sendAt}}
`;
