// Validates every object in ops/k8s/*.yaml against the Kubernetes OpenAPI schemas shipped in
// the kubernetes-models package (no cluster needed), and checks what Parley relies on.
import { readFileSync, readdirSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";

const here = dirname(fileURLToPath(import.meta.url));
const dir = join(here, "..");
const modules = {
  "v1": "kubernetes-models/v1",
  "apps/v1": "kubernetes-models/apps/v1",
  "rbac.authorization.k8s.io/v1": "kubernetes-models/rbac.authorization.k8s.io/v1",
  "networking.k8s.io/v1": "kubernetes-models/networking.k8s.io/v1",
  "policy/v1": "kubernetes-models/policy/v1",
  "autoscaling/v2": "kubernetes-models/autoscaling/v2",
};

let failures = 0;
const seen = {};
const all = [];
for (const file of readdirSync(dir).filter((f) => f.endsWith(".yaml"))) {
  for (const doc of parseAllDocuments(readFileSync(join(dir, file), "utf8"))) {
    if (doc.errors.length) {
      console.error(`${file}: ${doc.errors[0].message}`);
      failures++;
      continue;
    }
    const obj = doc.toJS();
    if (!obj) continue;
    const mod = modules[obj.apiVersion];
    const where = `${file}: ${obj.kind}/${obj.metadata?.name}`;
    if (!mod) {
      console.error(`${where}: unknown apiVersion ${obj.apiVersion}`);
      failures++;
      continue;
    }
    const Model = (await import(mod))[obj.kind];
    try {
      new Model(obj).validate();
      seen[obj.kind] = obj;
      all.push(obj);
      console.log(`ok   ${where}`);
    } catch (e) {
      console.error(`FAIL ${where}: ${e.message}`);
      failures++;
    }
  }
}

function expect(condition, message) {
  if (!condition) {
    console.error(`FAIL ${message}`);
    failures++;
  }
}
const container = seen.Deployment?.spec.template.spec.containers[0];
expect(seen.Deployment?.spec.replicas === 3, "the Deployment runs 3 replicas");
expect(container?.readinessProbe?.httpGet?.path === "/health/ready", "readiness uses MicroProfile Health");
expect(container?.livenessProbe?.httpGet?.path === "/health/live", "liveness uses MicroProfile Health");
expect(container?.startupProbe?.httpGet?.path === "/health/started", "startup uses MicroProfile Health");
const env = new Set([
  ...(container?.env ?? []).map((e) => e.name),
  ...Object.keys(seen.ConfigMap?.data ?? {}),
]);
for (const name of ["MONGO_URI", "MP_JWT_VERIFY_ISSUER", "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "MP_JWT_VERIFY_AUDIENCES",
  "PARLEY_OIDC_ISSUER", "PARLEY_OIDC_CLIENT_ID", "PARLEY_OIDC_CLIENT_SECRET", "PARLEY_METRICS_PASSWORD",
  "PARLEY_PUBLIC_URL", "PARLEY_TRUSTED_PROXIES"]) {
  expect(env.has(name), `the pods get ${name}`);
}
expect(container?.env?.find((e) => e.name === "PARLEY_OIDC_CLIENT_SECRET")?.valueFrom?.secretKeyRef,
  "the IdP client secret comes from a Secret");
// The image the Dockerfile's documented build command tags is the one the Deployment runs.
const dockerfile = readFileSync(join(dir, "..", "docker", "Dockerfile"), "utf8");
const tagged = /docker build .* -t (\S+) \./.exec(dockerfile)?.[1];
expect(tagged && container?.image === tagged, `the Deployment runs the image the Dockerfile builds (${tagged})`);
expect(all.some((o) => o.kind === "Service" && o.spec.clusterIP !== "None"), "a Service in front of the pods");
expect(all.some((o) => o.kind === "Service" && o.spec.clusterIP === "None"), "a headless Service for Hazelcast");
expect(seen.RoleBinding && seen.Role, "RBAC for Hazelcast discovery");
expect(seen.Ingress?.metadata.annotations["nginx.ingress.kubernetes.io/proxy-read-timeout"], "Ingress WebSocket timeout");
expect(seen.PodDisruptionBudget, "a PodDisruptionBudget");
expect(seen.HorizontalPodAutoscaler, "an autoscaler");
if (failures) {
  console.error(`${failures} problem(s)`);
  process.exit(1);
}
console.log("Kubernetes manifests valid");
