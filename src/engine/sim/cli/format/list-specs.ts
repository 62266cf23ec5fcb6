// The default formats, column headers and row types of docker 20.10's list commands (docker/cli
// cli/command/formatter/{container,image,volume}.go, image/formatter_history.go, network/formatter.go).

import type { ListSpec } from './table.js';

/** `docker ps` / `docker container ls`; add `\t{{.Size}}` to the table for `-s`. */
export const CONTAINER_LIST: ListSpec = {
  defaultTable: 'table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}',
  headers: {
    ID: 'CONTAINER ID',
    Names: 'NAMES',
    Image: 'IMAGE',
    Command: 'COMMAND',
    CreatedAt: 'CREATED AT',
    RunningFor: 'CREATED',
    Ports: 'PORTS',
    State: 'STATE',
    Status: 'STATUS',
    Size: 'SIZE',
    Labels: 'LABELS',
    Mounts: 'MOUNTS',
    LocalVolumes: 'LOCAL VOLUMES',
    Networks: 'NETWORKS',
  },
  typeName: '*formatter.ContainerContext',
  rawFormat:
    'container_id: {{.ID}}\nimage: {{.Image}}\ncommand: {{.Command}}\ncreated_at: {{.CreatedAt}}\n' +
    'state: {{- pad .State 1 0}}\nstatus: {{- pad .Status 1 0}}\nnames: {{.Names}}\nlabels: {{- pad .Labels 1 0}}\n' +
    'ports: {{- pad .Ports 1 0}}\n',
  rawQuietFormat: 'container_id: {{.ID}}',
};

/** `docker ps -s`: the same with the SIZE column. */
export const CONTAINER_LIST_SIZE: ListSpec = {
  ...CONTAINER_LIST,
  defaultTable: CONTAINER_LIST.defaultTable + '\\t{{.Size}}',
  rawFormat: (CONTAINER_LIST.rawFormat ?? '') + 'size: {{.Size}}\\n',
};

const IMAGE_HEADERS = {
  ID: 'IMAGE ID',
  Repository: 'REPOSITORY',
  Tag: 'TAG',
  Digest: 'DIGEST',
  CreatedSince: 'CREATED',
  CreatedAt: 'CREATED AT',
  Size: 'SIZE',
  Containers: 'CONTAINERS',
  VirtualSize: 'SIZE',
  SharedSize: 'SHARED SIZE',
  UniqueSize: 'UNIQUE SIZE',
};

/** `docker images` / `docker image ls`. */
export const IMAGE_LIST: ListSpec = {
  defaultTable:
    'table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{if .CreatedSince }}{{.CreatedSince}}{{else}}N/A{{end}}\t{{.Size}}',
  headers: IMAGE_HEADERS,
  typeName: '*formatter.imageContext',
  rawFormat:
    'repository: {{ .Repository }}\ntag: {{.Tag}}\nimage_id: {{.ID}}\ncreated_at: {{.CreatedAt}}\nvirtual_size: {{.Size}}\n',
  rawQuietFormat: 'image_id: {{.ID}}',
};

/** `docker images --digests`. */
export const IMAGE_LIST_DIGESTS: ListSpec = {
  ...IMAGE_LIST,
  defaultTable:
    'table {{.Repository}}\t{{.Tag}}\t{{.Digest}}\t{{.ID}}\t{{if .CreatedSince }}{{.CreatedSince}}{{else}}N/A{{end}}\t{{.Size}}',
  rawFormat:
    'repository: {{ .Repository }}\ntag: {{.Tag}}\ndigest: {{.Digest}}\nimage_id: {{.ID}}\ncreated_at: {{.CreatedAt}}\n' +
    'virtual_size: {{.Size}}\n',
};

const HISTORY_HEADERS = {
  ID: 'IMAGE',
  CreatedSince: 'CREATED',
  CreatedAt: 'CREATED AT',
  CreatedBy: 'CREATED BY',
  Size: 'SIZE',
  Comment: 'COMMENT',
};

/** `docker history`. */
export const HISTORY_LIST: ListSpec = {
  defaultTable: 'table {{.ID}}\t{{.CreatedSince}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}',
  headers: HISTORY_HEADERS,
  typeName: '*image.historyContext',
};

/** `docker history -H=false`: CREATED AT and sizes in bytes. */
export const HISTORY_LIST_NON_HUMAN: ListSpec = {
  ...HISTORY_LIST,
  defaultTable: 'table {{.ID}}\t{{.CreatedAt}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}',
};

/** `docker volume ls`. */
export const VOLUME_LIST: ListSpec = {
  defaultTable: 'table {{.Driver}}\t{{.Name}}',
  headers: {
    Name: 'VOLUME NAME',
    Driver: 'DRIVER',
    Scope: 'SCOPE',
    Mountpoint: 'MOUNTPOINT',
    Labels: 'LABELS',
    Links: 'LINKS',
    Size: 'SIZE',
  },
  typeName: '*formatter.volumeContext',
  quietFormat: '{{.Name}}',
  rawFormat: 'name: {{.Name}}\\ndriver: {{.Driver}}\\n',
  rawQuietFormat: 'name: {{.Name}}',
};

/** `docker network ls`. */
export const NETWORK_LIST: ListSpec = {
  defaultTable: 'table {{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.Scope}}',
  headers: {
    ID: 'NETWORK ID',
    Name: 'NAME',
    Driver: 'DRIVER',
    Scope: 'SCOPE',
    IPv6: 'IPV6',
    Internal: 'INTERNAL',
    Labels: 'LABELS',
    CreatedAt: 'CREATED AT',
  },
  typeName: '*network.networkContext',
  rawFormat: 'network_id: {{.ID}}\\nname: {{.Name}}\\ndriver: {{.Driver}}\\nscope: {{.Scope}}\\n',
  rawQuietFormat: 'network_id: {{.ID}}',
};
