#!/usr/bin/python3
"""The deploy configs against the built site: web/amplify/{customHttp,amplify}.yml and
web/cloudfront/site.yaml must give every file of web/dist the right type, caching and
security headers (issue 12). Nothing here talks to AWS: the hosts' matching rules are simulated,
as documented (Amplify: glob patterns; CloudFront: first matching PathPattern wins).

  tests/deploy/deploy_configs_test.py [DIST_DIR]     (or SKYLOOM_DIST=DIR; default web/dist)

Debian's python3 (its python3-yaml), not whatever python3 is first on PATH.

Sections: what every file should get (top); ---- Amplify (glob rules, the build spec run on a
copy of web/dist); ---- CloudFormation (short-tag loader, a small intrinsic-function evaluator,
CloudFront's behaviour matching); ---- web/dist itself (names, manifest.json).
"""
import fnmatch
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest
import urllib.parse

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DIST = os.environ.get("SKYLOOM_DIST", os.path.join(ROOT, "web", "dist"))
CUSTOM_HTTP = os.path.join(ROOT, "web", "amplify", "customHttp.yml")
BUILD_SPEC = os.path.join(ROOT, "web", "amplify", "amplify.yml")
REWRITES = os.path.join(ROOT, "web", "amplify", "rewrites-same-origin.json")
TEMPLATE = os.path.join(ROOT, "web", "cloudfront", "site.yaml")
CSP_FILE = os.path.join(ROOT, "web", "content-security-policy")

# The placeholder customHttp.yml carries for the API's origin (web/README.md says to replace it).
PLACEHOLDER_API = "https://api.example.com"
# The three files that name the hashed ones; everything else is name.<12 hex>.ext.
ENTRY_FILES = {"index.html", "config.json", "manifest.json"}
HASHED = re.compile(r"^[^/]*\.[0-9a-f]{12}\.[a-z0-9]+$")
IMMUTABLE = "public, max-age=31536000, immutable"
# As the built-in server sends them (src/server/http/static_files.cpp).
TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json; charset=utf-8",
    ".wasm": "application/wasm",
    ".otf": "font/otf",
    ".ttf": "font/ttf",
    ".woff2": "font/woff2",
    ".skm": "application/octet-stream",
}
SECURITY = {
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "strict-transport-security": "max-age=31536000; includeSubDomains",
    "x-frame-options": "DENY",
}
CACHING_DISABLED = "4135ea2d-6df8-44a3-9df3-4b5e84be39ad"  # Managed-CachingDisabled
ALL_VIEWER_EXCEPT_HOST = "b689b0a8-53d0-40ab-baf2-68738e2966ac"  # Managed origin request policy


def build_csp(api):
    """web/content-security-policy as every consumer builds it: directives joined with "; "."""
    with open(CSP_FILE, encoding="utf-8") as f:
        lines = [line.strip() for line in f]
    directives = [line for line in lines if line and not line.startswith("#")]
    return "; ".join(directives).replace("{api}", f" {api}" if api else "")


def dist_files():
    """Every file of the site, as URL paths without the leading '/'."""
    found = []
    for folder, _, names in os.walk(DIST):
        for name in names:
            found.append(os.path.relpath(os.path.join(folder, name), DIST).replace(os.sep, "/"))
    return sorted(found)


def split_encoding(path):
    """'a.wasm.br' -> ('a.wasm', 'br'): the precompressed copies make-dist writes."""
    for suffix, encoding in ((".br", "br"), (".gz", "gzip")):
        if path.endswith(suffix):
            return path[: -len(suffix)], encoding
    return path, None


def expected_cache_control(path):
    base = os.path.basename(split_encoding(path)[0])
    if base in ENTRY_FILES:
        return "no-cache"
    assert HASHED.match(base), f"{path}: neither an entry file nor name.<12 hex>.ext"
    return IMMUTABLE


# ---- Amplify -------------------------------------------------------------------------------

def amplify_glob(pattern):
    """Amplify's pattern as a regex: '*' within one path segment, '**' any number of segments
    (none too), everything else literal; matched against the whole path, leading '/' or not."""
    pattern = pattern.lstrip("/")
    out, i = "", 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out, i = out + "(?:[^/]*/)*", i + 3
        elif pattern.startswith("**", i):
            out, i = out + ".*", i + 2
        elif pattern[i] == "*":
            out, i = out + "[^/]*", i + 1
        else:
            out, i = out + re.escape(pattern[i]), i + 1
    return re.compile(out + r"\Z")


def amplify_headers(rules, path):
    """Headers Amplify sends for `path` (no leading '/'). Fails on two matching rules that set
    one header differently: Amplify documents no precedence, so order must not decide."""
    headers, origin = {}, {}
    for rule in rules:
        if not amplify_glob(rule["pattern"]).match(path):
            continue
        for header in rule["headers"]:
            key, value = header["key"].lower(), str(header["value"])
            if key in headers and headers[key] != value:
                raise AssertionError(f"/{path}: '{key}' set by both {origin[key]!r} and "
                                     f"{rule['pattern']!r} with different values")
            headers[key], origin[key] = value, rule["pattern"]
    return headers


class AmplifyTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        with open(CUSTOM_HTTP, encoding="utf-8") as f:
            cls.rules = yaml.safe_load(f)["customHeaders"]
        with open(BUILD_SPEC, encoding="utf-8") as f:
            cls.spec = yaml.safe_load(f)

    def test_patterns_are_unambiguous(self):
        # Only '/exact/path' and '**...' patterns: how deep a bare '*.json' reaches is not
        # documented, and regex-looking patterns have changed meaning before (amplify-hosting#2525).
        for rule in self.rules:
            pattern = rule["pattern"]
            self.assertTrue(pattern.startswith("/") or pattern.startswith("**"), pattern)
            self.assertFalse(set(pattern) & set("?[]{}()|^$+"), pattern)

    def deployed_files(self):
        """Run the build spec's commands on a copy of web/dist: what Amplify would publish."""
        work = tempfile.mkdtemp(prefix="skyloom-amplify-")
        try:
            shutil.copytree(DIST, os.path.join(work, "web", "dist"))
            for command in self.spec["frontend"]["phases"]["build"]["commands"]:
                subprocess.run(["bash", "-ec", command], cwd=work, check=True)
            base = os.path.join(work, self.spec["frontend"]["artifacts"]["baseDirectory"])
            self.assertEqual(self.spec["frontend"]["artifacts"]["files"], ["**/*"])
            published = []
            for folder, _, names in os.walk(base):
                published += [os.path.relpath(os.path.join(folder, n), base).replace(os.sep, "/")
                              for n in names]
            return sorted(published)
        finally:
            shutil.rmtree(work)

    def test_build_spec_publishes_the_site_without_precompressed_copies(self):
        published = self.deployed_files()
        expected = [p for p in dist_files() if split_encoding(p)[1] is None]
        self.assertEqual(published, expected)

    def check_path(self, path, file_name):
        headers = amplify_headers(self.rules, path)
        ext = os.path.splitext(file_name)[1]
        self.assertIn(ext, TYPES, f"/{path}: no known Content-Type for {ext}")
        self.assertEqual(headers.get("content-type"), TYPES[ext], f"/{path}")
        self.assertEqual(headers.get("cache-control"), expected_cache_control(file_name),
                         f"/{path}")
        for key, value in SECURITY.items():
            self.assertEqual(headers.get(key), value, f"/{path}: {key}")
        self.assertEqual(headers.get("content-security-policy"), build_csp(PLACEHOLDER_API),
                         f"/{path}: CSP differs from web/content-security-policy")

    def test_every_published_file_gets_type_caching_and_security_headers(self):
        for path in dist_files():
            if split_encoding(path)[1] is None:
                with self.subTest(path=path):
                    self.check_path(path, path)

    def test_root_is_index_html(self):
        # Whether Amplify matches "/" as "/" or as "/index.html" is not documented: both must do.
        self.check_path("", "index.html")
        self.check_path("index.html", "index.html")

    def test_rewrites_send_only_server_paths_to_the_api(self):
        # No catch-all to /index.html: it would answer a .wasm or .skm with HTML (web/README.md).
        with open(REWRITES, encoding="utf-8") as f:
            rules = json.load(f)
        for rule in rules:
            prefix = rule["source"].removesuffix("<*>")
            self.assertIn(prefix, ("/api/", "/p/", "/u/"), rule)
            self.assertEqual(rule["target"], PLACEHOLDER_API + rule["source"], rule)
            self.assertEqual(rule["status"], "200", rule)

    def test_glob_semantics(self):
        # The simulation itself, on the cases the rules above rely on.
        self.assertTrue(amplify_glob("**/*.wasm").match("a.wasm"))
        self.assertTrue(amplify_glob("**/*.wasm").match("x/y/a.wasm"))
        self.assertFalse(amplify_glob("**/*.wasm").match("a.wasm.br"))
        self.assertTrue(amplify_glob("**").match(""))
        self.assertTrue(amplify_glob("**").match("fonts/scripts/a.woff2"))
        self.assertFalse(amplify_glob("/index.html").match("x/index.html"))
        self.assertFalse(amplify_glob("/x/*").match("x/y/z"))


# ---- CloudFormation ------------------------------------------------------------------------

class CfnLoader(yaml.SafeLoader):
    """Reads CloudFormation's short tags (!Ref, !Sub, !If, ...) as {'Fn::X': ...} / {'Ref': ...}."""


def _cfn_tag(loader, suffix, node):
    if isinstance(node, yaml.ScalarNode):
        value = loader.construct_scalar(node)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)
    if suffix == "Ref":
        return {"Ref": value}
    if suffix == "GetAtt" and isinstance(value, str):
        value = value.split(".", 1)
    return {"Fn::" + suffix: value}


CfnLoader.add_multi_constructor("!", _cfn_tag)
NO_VALUE = object()


class Stack:
    """Evaluates the template's intrinsic functions for given parameters, far enough to read
    the resources' properties: conditions, Ref, Sub, If, Join; other resources' ids and
    attributes become '<Name>' and '<Name.Attr>'."""

    def __init__(self, template, **params):
        self.template = template
        self.params = {name: spec.get("Default", "") for name, spec in
                       template.get("Parameters", {}).items()}
        self.params.update(params)
        self.conditions = {}
        for name, expr in template.get("Conditions", {}).items():
            self.conditions[name] = self.eval(expr)
        self.resources = {name: self.eval(res) for name, res in template["Resources"].items()
                          if self.conditions.get(res.get("Condition"), True)}

    def ref(self, name):
        if name == "AWS::NoValue":
            return NO_VALUE
        if name in self.params:
            return self.params[name]
        if name.startswith("AWS::"):
            return "<" + name + ">"
        assert name in self.template["Resources"], f"Ref to unknown {name}"
        return "<" + name + ">"

    def sub(self, text, extra):
        def one(match):
            name = match.group(1)
            if name in extra:
                return str(extra[name])
            if "." in name:
                return "<" + name + ">"
            return str(self.ref(name))
        return re.sub(r"\$\{([^}!]+)\}", one, text)

    def eval(self, node):
        if isinstance(node, list):
            return [v for v in (self.eval(x) for x in node) if v is not NO_VALUE]
        if not isinstance(node, dict):
            return node
        if len(node) == 1:
            (key, arg), = node.items()
            if key == "Ref":
                return self.ref(arg)
            if key == "Condition":
                return self.conditions[arg]
            if key == "Fn::If":
                name, yes, no = arg
                return self.eval(yes if self.conditions[name] else no)
            if key == "Fn::Equals":
                a, b = (self.eval(x) for x in arg)
                return a == b
            if key == "Fn::Not":
                return not self.eval(arg[0])
            if key == "Fn::And":
                return all(self.eval(x) for x in arg)
            if key == "Fn::Or":
                return any(self.eval(x) for x in arg)
            if key == "Fn::Join":
                return arg[0].join(str(self.eval(x)) for x in arg[1])
            if key == "Fn::Sub":
                if isinstance(arg, str):
                    return self.sub(arg, {})
                return self.sub(arg[0], {k: self.eval(v) for k, v in arg[1].items()})
            if key == "Fn::GetAtt":
                return "<" + ".".join(arg) + ">"
        return {k: v for k, v in ((k, self.eval(v)) for k, v in node.items())
                if v is not NO_VALUE}

    def of_type(self, kind):
        return {n: r for n, r in self.resources.items() if r["Type"] == kind}

    def props(self, name):
        return self.resources[name]["Properties"]


def cloudfront_match(pattern, path):
    """CloudFront's PathPattern: '*' any characters ('/' too), '?' exactly one; leading '/'
    optional; case-sensitive."""
    return fnmatch.fnmatchcase("/" + path.lstrip("/"), "/" + pattern.lstrip("/"))


def behaviour_for(distribution, path):
    """The cache behaviour CloudFront picks: the first matching one, else the default."""
    for behaviour in distribution.get("CacheBehaviors", []):
        if cloudfront_match(behaviour["PathPattern"], path):
            return behaviour
    return distribution["DefaultCacheBehavior"]


class CloudFrontTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        with open(TEMPLATE, encoding="utf-8") as f:
            cls.template = yaml.load(f, Loader=CfnLoader)
        cls.cross_origin = Stack(cls.template, ApiOrigin=PLACEHOLDER_API)
        cls.same_origin = Stack(cls.template, ApiDomain="api.example.com")
        cls.stacks = {"cross-origin": cls.cross_origin, "same-origin": cls.same_origin,
                      "defaults": Stack(cls.template)}

    def distribution(self, stack):
        (dist,) = stack.of_type("AWS::CloudFront::Distribution").values()
        return dist["Properties"]["DistributionConfig"]

    def test_bucket_is_private_and_read_only_through_origin_access_control(self):
        stack = self.cross_origin
        (bucket_name,) = stack.of_type("AWS::S3::Bucket")
        bucket = stack.props(bucket_name)
        self.assertTrue(all(bucket["PublicAccessBlockConfiguration"][k] for k in (
            "BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets")))
        self.assertEqual(bucket["OwnershipControls"]["Rules"],
                         [{"ObjectOwnership": "BucketOwnerEnforced"}])
        self.assertNotIn("WebsiteConfiguration", bucket)
        self.assertFalse(stack.of_type("AWS::CloudFront::CloudFrontOriginAccessIdentity"))
        (oac_name,) = stack.of_type("AWS::CloudFront::OriginAccessControl")
        oac = stack.props(oac_name)["OriginAccessControlConfig"]
        self.assertEqual((oac["OriginAccessControlOriginType"], oac["SigningBehavior"]),
                         ("s3", "always"))

        (site,) = [o for o in self.distribution(stack)["Origins"] if "S3OriginConfig" in o]
        self.assertEqual(site["OriginAccessControlId"], f"<{oac_name}.Id>")
        self.assertEqual(site["S3OriginConfig"]["OriginAccessIdentity"], "")

        (policy,) = stack.of_type("AWS::S3::BucketPolicy").values()
        for statement in policy["Properties"]["PolicyDocument"]["Statement"]:
            self.assertEqual(statement["Effect"], "Allow")
            self.assertEqual(statement["Principal"], {"Service": "cloudfront.amazonaws.com"})
            self.assertTrue(statement["Condition"]["StringEquals"]["AWS:SourceArn"]
                            .endswith(":distribution/<Distribution>"))

    def test_root_object_protocols_and_no_spa_fallback(self):
        for label, stack in self.stacks.items():
            dist = self.distribution(stack)
            self.assertEqual(dist["DefaultRootObject"], "index.html", label)
            self.assertEqual(dist["HttpVersion"], "http2and3", label)
            # A 403/404 -> /index.html rule would answer a missing .wasm with HTML.
            self.assertNotIn("CustomErrorResponses", dist, label)

    def cache_policy(self, stack, behaviour):
        policy_id = behaviour["CachePolicyId"]
        if policy_id == CACHING_DISABLED:
            return None
        return stack.props(policy_id.strip("<>"))["CachePolicyConfig"]

    def assert_site_behaviour(self, stack, path, file_name, label):
        behaviour = behaviour_for(self.distribution(stack), path)
        self.assertEqual(behaviour["TargetOriginId"], "site", f"{label} /{path}")
        self.assertEqual(behaviour["ViewerProtocolPolicy"], "redirect-to-https")
        self.assertIs(behaviour["Compress"], True, f"{label} /{path}")
        policy = self.cache_policy(stack, behaviour)
        self.assertIsNotNone(policy, f"{label} /{path}: CachingDisabled cannot compress")
        keys = policy["ParametersInCacheKeyAndForwardedToOrigin"]
        self.assertIs(keys["EnableAcceptEncodingBrotli"], True, f"{label} /{path}")
        self.assertIs(keys["EnableAcceptEncodingGzip"], True, f"{label} /{path}")
        if expected_cache_control(file_name) == IMMUTABLE:
            self.assertGreaterEqual(policy["DefaultTTL"], 31536000, f"{label} /{path}")
            self.assertGreaterEqual(policy["MaxTTL"], 31536000, f"{label} /{path}")
        else:
            self.assertEqual((policy["MinTTL"], policy["DefaultTTL"]), (0, 0), f"{label} /{path}")
            self.assertLessEqual(policy["MaxTTL"], 60, f"{label} /{path}")
        self.assertEqual(behaviour["ResponseHeadersPolicyId"], "<SiteHeadersPolicy>")

    def test_every_file_gets_the_right_cache_policy(self):
        for label, stack in self.stacks.items():
            for path in dist_files():
                with self.subTest(stack=label, path=path):
                    self.assert_site_behaviour(stack, path, path, label)
            self.assert_site_behaviour(stack, "", "index.html", label)  # "/"

    def test_api_behaviours_only_with_api_domain(self):
        api_paths = ["api/v1/posts", "api/v1/media/abc123", "p/42", "u/ada"]
        for path in api_paths:
            behaviour = behaviour_for(self.distribution(self.cross_origin), path)
            self.assertEqual(behaviour["TargetOriginId"], "site", path)
        dist = self.distribution(self.same_origin)
        (api,) = [o for o in dist["Origins"] if o["Id"] == "api"]
        self.assertEqual(api["DomainName"], "api.example.com")
        self.assertEqual(api["CustomOriginConfig"]["OriginProtocolPolicy"], "https-only")
        for path in api_paths:
            behaviour = behaviour_for(dist, path)
            self.assertEqual(behaviour["TargetOriginId"], "api", path)
            self.assertEqual(behaviour["CachePolicyId"], CACHING_DISABLED, path)
            # Authorization and the query string reach the server.
            self.assertEqual(behaviour["OriginRequestPolicyId"], ALL_VIEWER_EXCEPT_HOST, path)
            self.assertEqual(behaviour["ResponseHeadersPolicyId"], "<ApiHeadersPolicy>", path)
        posts = behaviour_for(dist, "api/v1/posts")
        self.assertLessEqual({"POST", "PUT", "PATCH", "DELETE", "OPTIONS"},
                             set(posts["AllowedMethods"]))

    def test_every_behaviour_sends_the_security_headers(self):
        for label, stack in self.stacks.items():
            dist = self.distribution(stack)
            for behaviour in dist.get("CacheBehaviors", []) + [dist["DefaultCacheBehavior"]]:
                name = behaviour["ResponseHeadersPolicyId"].strip("<>")
                config = stack.props(name)["ResponseHeadersPolicyConfig"]["SecurityHeadersConfig"]
                where = f"{label} {behaviour.get('PathPattern', 'default')}"
                self.assertEqual(config["ContentTypeOptions"], {"Override": True}, where)
                self.assertEqual(config["FrameOptions"]["FrameOption"], "DENY", where)
                self.assertEqual(config["ReferrerPolicy"]["ReferrerPolicy"],
                                 SECURITY["referrer-policy"], where)
                hsts = config["StrictTransportSecurity"]
                self.assertEqual((hsts["AccessControlMaxAgeSec"], hsts["IncludeSubdomains"]),
                                 (31536000, True), where)
                if behaviour["TargetOriginId"] == "site":
                    self.assertIn("ContentSecurityPolicy", config, where)

    def test_csp_is_the_policy_file(self):
        for stack, api in ((self.cross_origin, PLACEHOLDER_API), (self.same_origin, "")):
            config = stack.props("SiteHeadersPolicy")["ResponseHeadersPolicyConfig"]
            csp = config["SecurityHeadersConfig"]["ContentSecurityPolicy"]
            self.assertEqual(csp["ContentSecurityPolicy"], build_csp(api))
            self.assertIs(csp["Override"], True)

    def test_path_pattern_semantics(self):
        # The simulation itself, on the cases the behaviours rely on.
        self.assertTrue(cloudfront_match("/api/*", "api/v1/posts"))
        self.assertTrue(cloudfront_match("*.????????????.*", "fonts/x/cjk-0.52faa7c30665.woff2"))
        self.assertFalse(cloudfront_match("*.????????????.*", "manifest.json.br"))
        self.assertFalse(cloudfront_match("*.????????????.*", "index.html"))


# ---- web/dist itself -------------------------------------------------------------------------

class DistTest(unittest.TestCase):
    def test_dist_is_built(self):
        self.assertTrue(os.path.isfile(os.path.join(DIST, "index.html")),
                        f"{DIST} has no index.html: run 'make dist' (make test does)")

    def test_every_file_is_hashed_or_an_entry_file(self):
        files = dist_files()
        for path in files:
            with self.subTest(path=path):
                expected_cache_control(path)
                base, encoding = split_encoding(path)
                if encoding:
                    self.assertIn(base, files, f"{path} without {base}")

    def test_manifest_names_existing_files(self):
        with open(os.path.join(DIST, "manifest.json"), encoding="utf-8") as f:
            manifest = json.load(f)
        named = []

        def walk(node, key=""):
            if isinstance(node, dict):
                for k, v in node.items():
                    walk(v, k)
            elif isinstance(node, list):
                for v in node:
                    walk(v, key)
            elif isinstance(node, str) and key not in ("family", "range", "local"):
                # The worker's URL carries the module's files in its query string.
                path, _, query = node.partition("?")
                named.append(path)
                named.extend(value for _, value in urllib.parse.parse_qsl(query))
        walk(manifest)
        self.assertGreater(len(named), 5)
        files = set(dist_files())
        for path in named:
            self.assertIn(path, files, f"manifest.json names {path}, which is not in {DIST}")


if __name__ == "__main__":
    if len(sys.argv) > 1 and not sys.argv[1].startswith("-"):
        DIST = os.path.abspath(sys.argv.pop(1))
    if not os.path.isfile(os.path.join(DIST, "index.html")):
        sys.exit(f"deploy_configs_test: {DIST} has no index.html; run 'make dist' first")
    unittest.main(verbosity=1)
