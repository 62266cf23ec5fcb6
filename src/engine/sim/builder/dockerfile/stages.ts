// Instructions grouped into build stages, as buildkit v0.8's instructions.Parse does for the legacy builder:
// ARGs before the first FROM are meta args (usable in FROM), any other instruction there is an error. The
// first invalid instruction stops everything; later ones are not looked at.

import { DockerfileError } from './dockerfile-error.js';
import type { ArgInstruction, FromInstruction, Instruction } from './instruction-types.js';
import { parseInstruction } from './instructions.js';
import type { DockerfileNode } from './node.js';

/** One `FROM …` and the instructions after it. */
export interface BuildStage {
  readonly from: FromInstruction;
  readonly commands: Exclude<Instruction, FromInstruction>[];
}

/** A Dockerfile's stages plus its meta args. */
export interface StagedDockerfile {
  readonly stages: BuildStage[];
  readonly metaArgs: ArgInstruction[];
}

/** Types every node and groups them; throws DockerfileError (INSTRUCTION or NO_STAGE) at the first problem. */
export function parseStages(nodes: readonly DockerfileNode[]): StagedDockerfile {
  const stages: { from: FromInstruction; commands: Exclude<Instruction, FromInstruction>[] }[] = [];
  const metaArgs: ArgInstruction[] = [];
  for (const node of nodes) {
    const instruction = parseInstruction(node);
    if (instruction.kind === 'FROM') {
      stages.push({ from: instruction, commands: [] });
      continue;
    }
    if (stages.length === 0) {
      if (instruction.kind === 'ARG') {
        metaArgs.push(instruction);
        continue;
      }
      throw new DockerfileError('NO_STAGE', 'no build stage in current context', node.startLine, node.endLine);
    }
    stages[stages.length - 1].commands.push(instruction);
  }
  return { stages, metaArgs };
}
