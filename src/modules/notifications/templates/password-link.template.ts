/** 'account.password_link' — a one-time link to set a password. View model: see render-message.ts. */
export const PASSWORD_LINK_HTML = `<p style="margin:0 0 16px;">{{t "common.greeting"}}</p>
<p style="margin:0 0 16px;">{{t "account.password_link.intro"}}</p>
<p style="margin:24px 0;"><a href="{{url}}" style="display:inline-block;padding:12px 24px;background-color:#1d3557;color:#ffffff;font-weight:bold;text-decoration:none;border-radius:4px;">{{t "account.password_link.action"}}</a></p>
<p style="margin:0 0 16px;">{{t "account.password_link.expires"}}</p>
<p style="margin:0 0 16px;font-size:14px;color:#52606d;">{{t "account.password_link.copy"}}<br><a href="{{url}}" style="color:#1d3557;word-break:break-all;">{{url}}</a></p>
<p style="margin:0;">{{t "account.password_link.ignore"}}</p>
`;

export const PASSWORD_LINK_TEXT = `{{t "common.greeting"}}

{{t "account.password_link.intro"}}

{{label "account.password_link.action"}}{{url}}

{{t "account.password_link.expires"}}

{{t "account.password_link.ignore"}}
`;
