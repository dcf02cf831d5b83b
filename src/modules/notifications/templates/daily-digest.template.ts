/** 'digest.daily' — several items in one email. View model: see render-message.ts. */
export const DAILY_DIGEST_HTML = `<p style="margin:0 0 16px;">{{t "common.greeting"}}</p>
<p style="margin:0 0 16px;">{{t "digest.daily.intro"}}</p>
{{#if hasItems}}
<ul style="list-style:none;margin:0;padding:0;">
{{#each items}}
<li style="margin:0 0 16px;padding:12px 16px;border-left:4px solid #1d3557;background-color:#f4f5f7;">
<p style="margin:0;font-size:13px;font-weight:bold;color:#52606d;">{{t labelKey}}</p>
<p style="margin:4px 0;font-weight:bold;">{{title}}</p>
<p style="margin:0 0 4px;">{{multiline summary}}</p>
<p style="margin:0;font-size:14px;color:#52606d;">{{at}}</p>
</li>
{{/each}}
</ul>
{{else}}
<p style="margin:0;">{{t "digest.daily.empty"}}</p>
{{/if}}
`;

export const DAILY_DIGEST_TEXT = `{{t "common.greeting"}}

{{t "digest.daily.intro"}}

{{#if hasItems}}
{{#each items}}
* [{{t labelKey}}] {{title}}
  {{at}}
  {{indent summary}}

{{/each}}
{{else}}
{{t "digest.daily.empty"}}
{{/if}}
`;
