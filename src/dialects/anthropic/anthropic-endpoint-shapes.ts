import type { Operation } from '../../call/operation.js';
import type { WireShape, WireShapeResolver } from '../wire-shape.js';
import { ANTHROPIC_BATCH_SHAPES } from './anthropic-batch-shapes.js';
import { ANTHROPIC_FILE_SHAPES } from './anthropic-file-shapes.js';

const SHAPES: Readonly<Partial<Record<Operation, WireShape<never>>>> = { ...ANTHROPIC_FILE_SHAPES, ...ANTHROPIC_BATCH_SHAPES };

/** Anthropic's own shapes beyond chat and model lists: the Files API and Message Batches. */
export const resolveAnthropicEndpointShape: WireShapeResolver = (operation) => SHAPES[operation] as WireShape | undefined;
