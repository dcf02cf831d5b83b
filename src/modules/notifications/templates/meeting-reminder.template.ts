/** 'meeting.reminder' — a meeting starts in N days. View model: see render-message.ts. */
export const MEETING_REMINDER_HTML = `<p style="margin:0 0 16px;">{{t "common.greeting"}}</p>
<p style="margin:0 0 16px;">{{t "meeting.reminder.intro"}}</p>
<table cellpadding="0" cellspacing="0" border="0" style="width:100%;border-collapse:collapse;margin:0;">
{{#each whenRows}}
<tr>
<th scope="row" style="width:38%;padding:8px 12px 8px 0;border-top:1px solid #d9dde3;text-align:left;vertical-align:top;font-weight:bold;">{{t labelKey}}</th>
<td style="padding:8px 0;border-top:1px solid #d9dde3;vertical-align:top;">{{value}}</td>
</tr>
{{/each}}
{{#if venue}}
<tr>
<th scope="row" style="width:38%;padding:8px 12px 8px 0;border-top:1px solid #d9dde3;text-align:left;vertical-align:top;font-weight:bold;">{{t "meeting.reminder.venue"}}</th>
<td style="padding:8px 0;border-top:1px solid #d9dde3;vertical-align:top;">{{multiline venue}}</td>
</tr>
{{/if}}
{{#if onlineLink}}
<tr>
<th scope="row" style="width:38%;padding:8px 12px 8px 0;border-top:1px solid #d9dde3;text-align:left;vertical-align:top;font-weight:bold;">{{t "meeting.reminder.onlineLink"}}</th>
<td style="padding:8px 0;border-top:1px solid #d9dde3;vertical-align:top;"><a href="{{onlineLink}}" style="color:#1d3557;word-break:break-all;">{{onlineLink}}</a></td>
</tr>
{{/if}}
</table>
`;

export const MEETING_REMINDER_TEXT = `{{t "common.greeting"}}

{{t "meeting.reminder.intro"}}

{{#each whenRows}}
{{label labelKey}}{{value}}
{{/each}}
{{#if venue}}
{{label "meeting.reminder.venue"}}{{venue}}
{{/if}}
{{#if onlineLink}}
{{label "meeting.reminder.onlineLink"}}{{onlineLink}}
{{/if}}
`;
