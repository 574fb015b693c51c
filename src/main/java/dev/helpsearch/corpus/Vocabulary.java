package dev.helpsearch.corpus;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The words generated articles are made of: the products, symptoms, causes, identifiers and
 * everyday help-center prose of a desktop and cloud product's support site. Lists are fixed so
 * that a seed always gives the same corpus.
 */
final class Vocabulary {

    private Vocabulary() {
    }

    /** Top-level folders, each a category. */
    static final List<String> CATEGORIES = List.of(
            "troubleshooting", "getting-started", "account", "billing", "integrations", "security",
            "admin", "desktop-app", "mobile", "api", "networking", "data-and-backups");

    /** Second-level folders, so that paths have the depth real help centers have. */
    static final List<String> TOPICS = List.of(
            "setup", "connection", "sign-in", "performance", "updates", "permissions", "sync", "notifications",
            "devices", "workspaces");

    static final List<String> COMPONENTS = List.of(
            "gateway", "agent", "desktop app", "cloud desktop", "viewer", "sync service", "workspace",
            "billing portal", "API token", "command-line tool", "webhook", "backup job", "printer bridge",
            "VPN tunnel", "mobile app", "browser extension", "single sign-on", "admin console", "file share",
            "audit log", "relay server", "update service", "license server", "screen recorder", "clipboard sync");

    static final List<String> SYMPTOMS = List.of(
            "fails to start", "shows disconnected", "keeps crashing", "is slow", "shows a black screen",
            "cannot connect", "won't update", "loses its settings", "returns error 403", "stops responding",
            "logs me out", "freezes after sleep", "uses too much memory", "does not sync", "times out",
            "shows an expired certificate", "is stuck on loading", "reports a port conflict", "rejects my token",
            "drops the connection");

    static final List<String> CAUSES = List.of(
            "Port conflict", "Expired session token", "Firewall blocks the connection", "Outdated version",
            "Corrupt local cache", "Proxy settings", "Missing permissions", "Disk full", "Clock out of sync",
            "Certificate not trusted", "Antivirus quarantine", "Wrong workspace selected", "Rate limit reached",
            "DNS cannot resolve the host", "Two instances running", "Stale lock file", "Unsupported operating system",
            "License seat limit", "Network changed while connected", "Battery saver suspends the app",
            "Configuration file is invalid", "Account suspended", "Browser blocks third-party cookies",
            "Graphics driver too old", "Shared folder is read-only");

    static final List<String> HOW_TO = List.of(
            "Install the desktop app", "Invite a teammate", "Change your billing plan", "Rotate an API token",
            "Connect a webhook", "Set up single sign-on", "Export your data", "Restore a backup", "Enable two-factor authentication",
            "Move a workspace", "Configure the proxy", "Schedule automatic updates", "Add a printer", "Limit access by IP address",
            "Transfer ownership", "Reset your password", "Pair a mobile device", "Turn on audit logging");

    static final List<String> ERRORS = List.of(
            "EADDRINUSE", "ECONNREFUSED", "ETIMEDOUT", "ENOTFOUND", "EACCES", "ECONNRESET", "EPERM", "ENOSPC",
            "ERR_CERT_AUTHORITY_INVALID", "ERR_PROXY_CONNECTION_FAILED", "401 Unauthorized", "403 Forbidden",
            "429 Too Many Requests", "502 Bad Gateway", "503 Service Unavailable", "SIGKILL", "OOMKilled",
            "invalid_grant", "token_expired", "SSL_ERROR_SYSCALL");

    static final List<String> FILES = List.of(
            "~/.app/config.json", "~/.app/logs/agent.log", "~/.app/logs/gateway.log", "%APPDATA%\\App\\settings.ini",
            "/etc/app/gateway.yaml", "~/Library/Application Support/App/state.db", "~/.app/cache/index.lock",
            "/var/log/app/relay.log", "~/.app/certs/ca.pem", "C:\\ProgramData\\App\\agent.conf", "~/.config/app/profile.toml");

    static final List<String> SETTINGS = List.of(
            "Settings > Network", "Settings > Account", "Settings > Gateway", "Settings > Updates", "Settings > Privacy",
            "Admin > Members", "Admin > Security", "Admin > Billing", "Preferences > Advanced", "Settings > Notifications");

    static final List<String> OS = List.of("macOS", "Windows", "Linux", "iOS", "Android", "ChromeOS");

    static final List<String> ACTIONS = List.of(
            "restart", "reinstall", "sign out and back in", "clear the cache", "update", "reconnect", "re-pair",
            "disable the VPN", "allow the app through the firewall", "check the logs", "reset the configuration",
            "contact your administrator", "renew the certificate", "free up disk space", "sync the clock");

    static final List<String> CONFIG_KEYS = List.of(
            "port", "data_dir", "proxy_url", "log_level", "auto_update", "relay_host", "token", "max_retries",
            "timeout_ms", "workspace_id", "tls_verify", "cache_size_mb");

    static final List<String> COMMANDS = List.of(
            "app doctor", "app restart --service gateway", "app logs --tail 200", "app login --sso",
            "app cache clear", "app config set", "app status --verbose", "app token rotate", "app update --channel stable",
            "app backup restore --latest");

    /** Filler nouns and verbs of help-center prose; their spread gives the index a long tail of terms. */
    static final List<String> NOUNS = List.of(
            "account", "administrator", "address", "alert", "attachment", "bandwidth", "browser", "button", "cache",
            "certificate", "channel", "client", "clipboard", "computer", "connection", "console", "credential", "dashboard",
            "device", "dialog", "directory", "display", "domain", "download", "driver", "email", "error", "extension",
            "file", "firewall", "folder", "gateway", "group", "history", "host", "icon", "installer", "invitation",
            "keyboard", "laptop", "license", "link", "log", "machine", "member", "menu", "message", "monitor", "network",
            "notification", "organization", "owner", "page", "password", "permission", "plan", "policy", "profile",
            "prompt", "provider", "proxy", "queue", "receipt", "region", "request", "role", "router", "schedule",
            "screen", "server", "service", "session", "setting", "shortcut", "signal", "storage", "subscription",
            "tab", "team", "terminal", "timeout", "toggle", "token", "tray", "tunnel", "upload", "user", "version",
            "window", "wizard", "workspace");

    static final List<String> VERBS = List.of(
            "open", "close", "check", "confirm", "select", "enable", "disable", "restart", "reload", "verify", "remove",
            "replace", "rename", "copy", "paste", "download", "upload", "install", "update", "sign", "approve", "invite",
            "assign", "revoke", "reset", "renew", "export", "import", "schedule", "pause", "resume", "refresh", "retry");

    static final List<String> ADJECTIVES = List.of(
            "active", "automatic", "blocked", "current", "default", "disabled", "empty", "expired", "external",
            "failed", "hidden", "inactive", "invalid", "latest", "local", "locked", "manual", "missing", "new",
            "offline", "older", "pending", "previous", "private", "public", "remote", "required", "secure", "shared",
            "slow", "stale", "temporary", "unused", "visible");

    static <T> T pick(RandomGenerator random, List<T> list) {
        return list.get(random.nextInt(list.size()));
    }
}
