vcl 4.1;
# Tarjotin's front cache (Varnish 7), as scripts/production.sh runs it in front of gunicorn.
#
# Anonymous readers share one cached copy of each public page. What is personal or private is
# never cached nor served from the cache: requests with a session cookie (logged-in people),
# with Authorization, other methods than GET and HEAD, the
# admin, files and documents (members-only files, counted downloads), search, the referral list,
# health checks; responses that set a cookie (a page with a comment form sets the CSRF cookie) or
# say private, no-cache or no-store (members-only pages: Wagtail's privacy check sends that).
#
# Pages say nothing of caching, so browsers ask again each time, and the proxy keeps them for
# a TTL of its own: a browser cannot be purged, the proxy is, on every publish (home.front_cache
# sends PURGE). The TTL bounds what changes with time alone (an event that has begun).

backend default {
    .host = "127.0.0.1";
    .port = "8000";  # scripts/production.sh writes gunicorn's port here
    .connect_timeout = 5s;
    .first_byte_timeout = 120s;
}

acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Purging is allowed from this machine only"));
        }
        # A page, with any query (filters, the pages of a listing); a path ending in * is a
        # prefix (a moved page and everything under it). Page addresses are slugs: nothing
        # in them needs escaping in a regular expression.
        if (req.url ~ "\*$") {
            ban("obj.http.x-url ~ ^" + regsub(req.url, "\*$", ""));
        } else {
            ban("obj.http.x-url ~ ^" + req.url + "(\?|$)");
        }
        return (synth(200, "Purged"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.http.Authorization) {
        return (pass);
    }
    if (req.url ~ "^/(admin|django-admin|documents|files|healthz|readyz)(/|\?|$)"
        || req.url ~ "^/[a-z-]+/(search|lista)/") {
        return (pass);
    }
    if (req.http.Cookie ~ "(^|;\s*)sessionid=") {
        return (pass);
    }
    if (req.http.Cookie ~ "(^|;\s*)csrftoken=") {
        # Someone who has been shown a form keeps its CSRF cookie. Pages without a form are the
        # same for them as for anyone, so they come from the shared copy; the cookie alone
        # still reaches gunicorn on a miss, so that a page with a form carries their own token
        # (such a page sends the cookie again, so it is never stored).
        set req.http.Cookie = regsub(req.http.Cookie, "^(.*;\s*)?(csrftoken=[^;]*).*$", "\2");
        return (hash);
    }
    # No other cookie changes a cached page (the referral list's is read by its own pages,
    # passed above, and by the browser's script): one copy for every reader.
    unset req.http.Cookie;
    return (hash);
}

sub vcl_backend_response {
    # Bans match on the stored address, so that the ban lurker can clear them in the background.
    set beresp.http.x-url = bereq.url;
    if (bereq.uncacheable) {
        return (deliver);
    }
    if (beresp.http.Set-Cookie
        || beresp.http.Cache-Control ~ "(private|no-cache|no-store)"
        || beresp.http.Vary == "*"
        || beresp.status >= 500) {
        # Not cached; for the next two minutes the same address goes straight to gunicorn.
        set beresp.ttl = 120s;
        set beresp.uncacheable = true;
        return (deliver);
    }
    # What is stored was made for a request with no cookie but the CSRF one, on which it does
    # not depend (a page that used it sends it again, above): one copy serves every reader,
    # whatever cookies they hold, so Django's "Vary: Cookie" is dropped from it.
    if (beresp.http.Vary ~ "(?i)\bCookie\b") {
        set beresp.http.Vary = regsuball(beresp.http.Vary, "(?i)\s*\bCookie\b\s*,?", "");
        set beresp.http.Vary = regsub(beresp.http.Vary, ",\s*$", "");
        if (beresp.http.Vary == "") {
            unset beresp.http.Vary;
        }
    }
    if (!beresp.http.Cache-Control && !beresp.http.Expires) {
        set beresp.ttl = 10m;
    }
    set beresp.grace = 1m;
    return (deliver);
}

sub vcl_deliver {
    unset resp.http.x-url;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
