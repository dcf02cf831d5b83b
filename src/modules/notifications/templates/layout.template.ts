/**
 * The one layout every message shares. Rendered by Handlebars (see render-message.ts): `body` is the
 * already-rendered, already-escaped kind template (a SafeString); every other value is escaped.
 * `{{t "key"}}` prints a phrase of the message's language. Inline styles only (mail clients drop
 * <style> blocks); colours meet WCAG AA contrast; one column, max 600px.
 */
export const LAYOUT_HTML = `<!DOCTYPE html>
<html lang="{{lang}}" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>{{subject}}</title>
</head>
<body style="margin:0;padding:0;background-color:#f4f5f7;">
<div role="article" aria-roledescription="email" aria-label="{{subject}}" lang="{{lang}}" style="background-color:#f4f5f7;padding:24px 12px;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1f2933;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:600px;margin:0 auto;background-color:#ffffff;border:1px solid #d9dde3;border-radius:6px;border-collapse:separate;">
<tr>
<td style="padding:20px 28px;background-color:#1d3557;border-radius:6px 6px 0 0;color:#ffffff;font-size:18px;font-weight:bold;">{{councilLabel}}</td>
</tr>
<tr>
<td style="padding:28px;">
{{body}}
</td>
</tr>
<tr>
<td style="padding:20px 28px;border-top:1px solid #d9dde3;font-size:13px;line-height:1.5;color:#52606d;">
<p style="margin:0 0 8px;">{{t whyKey}}</p>
{{#if showPreferences}}
<p style="margin:0 0 8px;">{{t "common.preferences"}}{{#if preferencesUrl}} <a href="{{preferencesUrl}}" style="color:#1d3557;text-decoration:underline;">{{t "common.preferencesLink"}}</a>{{/if}}</p>
{{/if}}
<p style="margin:0;">{{t "common.automated"}}</p>
</td>
</tr>
</table>
</div>
</body>
</html>
`;

/** Plain-text twin of the layout (compiled without escaping). */
export const LAYOUT_TEXT = `{{councilLabel}}

{{body}}

--
{{t whyKey}}
{{#if showPreferences}}
{{t "common.preferences"}}
{{#if preferencesUrl}}
{{label "common.preferencesLink"}}{{preferencesUrl}}
{{/if}}
{{/if}}
{{t "common.automated"}}
`;
