// A script written to run in a container names its files by the container's paths (`/workspace/configs/train.yaml`),
// which the repository's Docker Compose file mounts from its own folders (`volumes: - ./configs:/workspace/configs`).
// A bind mount's short syntax is `SOURCE:TARGET[:MODE]`, its long syntax `{type: bind, source, target}`, and a
// relative SOURCE is resolved from the Compose file's folder (Compose Specification, "services.volumes"; the files
// `docker compose` reads by default are compose.yaml, compose.yml, docker-compose.yaml and docker-compose.yml).
// Named volumes and host paths outside the repository say nothing about its files and are not read.
import { parseYaml, type YamlValue } from "../hydra/yaml";
import { joinPath } from "./paths";

/** The Compose files `docker compose` looks for in a folder, in its order of preference. */
const COMPOSE_FILES = ["compose.yaml", "compose.yml", "docker-compose.yaml", "docker-compose.yml"];

type Mount = { source: string; target: string };

/** The bind mounts of relative (repository) folders that a Compose document's services declare. */
function bindMounts(document: YamlValue, folder: string): Mount[] {
  const services = document !== null && typeof document === "object" && !Array.isArray(document) ? document.services : undefined;
  if (services === null || typeof services !== "object" || Array.isArray(services) || services === undefined) return [];
  const mounts: Mount[] = [];
  for (const service of Object.values(services)) {
    const volumes = service !== null && typeof service === "object" && !Array.isArray(service) ? service.volumes : undefined;
    if (!Array.isArray(volumes)) continue;
    for (const volume of volumes) {
      let source: YamlValue | undefined;
      let target: YamlValue | undefined;
      if (typeof volume === "string") [source, target] = volume.split(":");
      else if (volume !== null && typeof volume === "object" && !Array.isArray(volume) && (volume.type === undefined || volume.type === "bind")) ({ source, target } = volume);
      // Only a relative source is a folder of the repository (`./configs`, `../data`); `${VAR}` and named volumes are not.
      if (typeof source !== "string" || typeof target !== "string" || !/^\.\.?(\/|$)/.test(source) || !target.startsWith("/")) continue;
      mounts.push({ source: joinPath(folder, source), target: joinPath(target) });
    }
  }
  return mounts;
}

/**
 * Where an absolute container path lies in the repository, by the bind mounts of the Compose files in these folders
 * (the workspace's root, the script's folder): the mounted folder joined with the rest of the path, deepest mount
 * first. Empty when no mount covers it.
 */
export function composeMountedPlaces(path: string, folders: string[], read: (file: string) => string | undefined): string[] {
  const wanted = joinPath(path);
  const mounts: Mount[] = [];
  for (const folder of new Set(folders)) {
    for (const name of COMPOSE_FILES) {
      const text = read(joinPath(folder, name));
      if (text !== undefined) mounts.push(...bindMounts(parseYaml(text, { omegaconf: false }), folder));
    }
  }
  return mounts
    .filter((m) => wanted === m.target || wanted.startsWith(`${m.target}/`))
    .sort((a, b) => b.target.length - a.target.length)
    .map((m) => joinPath(m.source, wanted.slice(m.target.length)));
}
