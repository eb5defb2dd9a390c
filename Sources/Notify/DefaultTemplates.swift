/// The templates receivers use when their config names no text of their own, under Alertmanager's
/// names so a user's template may call them (`{{ template "__subject" . }}`). The subject line and
/// Slack's texts give what Alertmanager 0.25's defaults give, character for character (notifications
/// are compared with Alertmanager's in the tests); the e-mail's HTML is etcdmon's own.
enum DefaultTemplates {
    static let text = #"""
{{ define "__alertmanager" }}Alertmanager{{ end }}
{{ define "__alertmanagerURL" }}{{ .ExternalURL }}/#/alerts?receiver={{ .Receiver | urlquery }}{{ end }}
{{ define "__subject" }}[{{ .Status | toUpper }}{{ if eq .Status "firing" }}:{{ .Alerts.Firing | len }}{{ end }}] {{ .GroupLabels.SortedPairs.Values | join " " }} {{ if gt (len .CommonLabels) (len .GroupLabels) }}({{ with .CommonLabels.Remove .GroupLabels.Names }}{{ .Values | join " " }}{{ end }}){{ end }}{{ end }}
{{ define "__description" }}{{ end }}
{{ define "__text_alert_list" }}{{ range . }}Labels:
{{ range .Labels.SortedPairs }} - {{ .Name }} = {{ .Value }}
{{ end }}Annotations:
{{ range .Annotations.SortedPairs }} - {{ .Name }} = {{ .Value }}
{{ end }}Source: {{ .GeneratorURL }}
{{ end }}{{ end }}
{{ define "slack.default.title" }}{{ template "__subject" . }}{{ end }}
{{ define "slack.default.username" }}{{ template "__alertmanager" . }}{{ end }}
{{ define "slack.default.fallback" }}{{ template "slack.default.title" . }} | {{ template "slack.default.titlelink" . }}{{ end }}
{{ define "slack.default.callbackid" }}{{ end }}
{{ define "slack.default.pretext" }}{{ end }}
{{ define "slack.default.titlelink" }}{{ template "__alertmanagerURL" . }}{{ end }}
{{ define "slack.default.iconemoji" }}{{ end }}
{{ define "slack.default.iconurl" }}{{ end }}
{{ define "slack.default.text" }}{{ end }}
{{ define "slack.default.footer" }}{{ end }}
{{ define "email.default.subject" }}{{ template "__subject" . }}{{ end }}
{{ define "email.default.html" }}<!DOCTYPE html>
<html>
<head>
<meta name="viewport" content="width=device-width">
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<title>{{ template "__subject" . }}</title>
</head>
<body style="margin:0;padding:16px;background:#f4f5f7;font-family:Helvetica,Arial,sans-serif;font-size:14px;color:#172b4d">
<table width="100%" cellpadding="0" cellspacing="0" style="max-width:640px;margin:0 auto;background:#ffffff;border:1px solid #dfe1e6">
<tr><td style="padding:12px 16px;color:#ffffff;background:{{ if eq .Status "firing" }}#c9372c{{ else }}#1f845a{{ end }};font-size:16px">
{{ .Alerts | len }} alert{{ if gt (len .Alerts) 1 }}s{{ end }} for {{ range .GroupLabels.SortedPairs }}{{ .Name }}={{ .Value }} {{ end }}
</td></tr>
<tr><td style="padding:12px 16px"><a href="{{ template "__alertmanagerURL" . }}">View in {{ template "__alertmanager" . }}</a></td></tr>
{{ if gt (len .Alerts.Firing) 0 }}<tr><td style="padding:4px 16px"><strong>[{{ .Alerts.Firing | len }}] Firing</strong></td></tr>
{{ range .Alerts.Firing }}<tr><td style="padding:4px 16px 12px 16px;border-bottom:1px solid #dfe1e6">
<strong>Labels</strong><br>{{ range .Labels.SortedPairs }}{{ .Name }} = {{ .Value }}<br>{{ end }}
{{ if .Annotations }}<strong>Annotations</strong><br>{{ range .Annotations.SortedPairs }}{{ .Name }} = {{ .Value }}<br>{{ end }}{{ end }}
<a href="{{ .GeneratorURL }}">Source</a>
</td></tr>
{{ end }}{{ end }}{{ if gt (len .Alerts.Resolved) 0 }}<tr><td style="padding:4px 16px"><strong>[{{ .Alerts.Resolved | len }}] Resolved</strong></td></tr>
{{ range .Alerts.Resolved }}<tr><td style="padding:4px 16px 12px 16px;border-bottom:1px solid #dfe1e6">
<strong>Labels</strong><br>{{ range .Labels.SortedPairs }}{{ .Name }} = {{ .Value }}<br>{{ end }}
{{ if .Annotations }}<strong>Annotations</strong><br>{{ range .Annotations.SortedPairs }}{{ .Name }} = {{ .Value }}<br>{{ end }}{{ end }}
<a href="{{ .GeneratorURL }}">Source</a>
</td></tr>
{{ end }}{{ end }}<tr><td style="padding:12px 16px;color:#6b778c;font-size:12px">Sent by etcdmon</td></tr>
</table>
</body>
</html>
{{ end }}
"""#
}
