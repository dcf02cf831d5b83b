/** 'notice' — a message whose phrases come from a notice catalog (notices/). View model: see render-message.ts. */
export const NOTICE_HTML = `<p style="margin:0 0 16px;">{{t "common.greeting"}}</p>
<p style="margin:0 0 16px;">{{t introKey}}</p>
{{#if body}}
<blockquote style="margin:0 0 16px;padding:8px 16px;border-left:4px solid #d9dde3;color:#1f2933;">{{multiline body}}</blockquote>
{{/if}}
{{#if hasRows}}
<table cellpadding="0" cellspacing="0" border="0" style="width:100%;border-collapse:collapse;margin:0 0 16px;">
{{#each rows}}
<tr>
<th scope="row" style="width:38%;padding:8px 12px 8px 0;border-top:1px solid #d9dde3;text-align:left;vertical-align:top;font-weight:bold;">{{t labelKey}}</th>
<td style="padding:8px 0;border-top:1px solid #d9dde3;vertical-align:top;">{{multiline value}}</td>
</tr>
{{/each}}
</table>
{{/if}}
{{#if link}}
<p style="margin:0;"><a href="{{link.url}}" style="color:#1d3557;word-break:break-all;">{{t link.labelKey}}</a></p>
{{/if}}
`;

export const NOTICE_TEXT = `{{t "common.greeting"}}

{{t introKey}}

{{#if body}}
  {{indent body}}

{{/if}}
{{#each rows}}
{{label labelKey}}{{indent value}}
{{/each}}
{{#if link}}

{{label link.labelKey}}{{link.url}}
{{/if}}
`;
