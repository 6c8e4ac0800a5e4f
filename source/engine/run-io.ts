/**
 * What a foreground `dnet run` needs of the engine besides create and start (ARCHITECTURE.md, "The
 * layers and the feature folders"): create with the engine's warnings, the container's output
 * attached before it starts (raw bytes, each piece tagged with its stream), a wait registered before
 * it starts (so that a quick exit is never missed), and a signal sent to it.
 */
import type Dockerode from 'dockerode';
import {sanitize} from '../model/sanitize.js';

/** The container's output, attached: `done` settles when the engine closes the stream. */
export interface OutputAttachment {
	done: Promise<void>;
	close(): void;
}

/** Where each piece of output goes: 1 is stdout, 2 stderr (the engine's stream numbers). */
export type OutputSink = (stream: 'stdout' | 'stderr', chunk: Uint8Array) => void;

interface Modem {
	dial(options: Record<string, unknown>, callback: (error: Error | null, data: unknown) => void): void;
}

const modem = (docker: Dockerode): Modem => docker.modem as unknown as Modem;

const dial = (docker: Dockerode, options: Record<string, unknown>): Promise<unknown> =>
	new Promise((resolve, reject) => modem(docker).dial(options, (error, data) => (error ? reject(error) : resolve(data))));

/** `POST /containers/create`, keeping the `Warnings` dockerode drops. */
export async function createWarned(docker: Dockerode, name: string | null, body: Record<string, unknown>): Promise<{id: string; warnings: string[]}> {
	const data = (await dial(docker, {
		path: '/containers/create?',
		method: 'POST',
		options: {...body, ...(name ? {name} : {})},
		statusCodes: {200: true, 201: true, 400: 'bad parameter', 404: 'no such image', 409: 'conflict', 500: 'server error'},
	})) as {Id?: string; Warnings?: unknown};
	const warnings = Array.isArray(data.Warnings) ? data.Warnings.map((w) => sanitize(String(w))) : [];
	return {id: String(data.Id ?? ''), warnings};
}

/** Splits the engine's multiplexed stream (8-byte headers: stream, 0, 0, 0, size) into its pieces. */
export function demultiplexer(sink: OutputSink): (chunk: Buffer) => void {
	let pending: Buffer = Buffer.alloc(0);
	return (chunk) => {
		pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
		while (pending.length >= 8) {
			const size = pending.readUInt32BE(4);
			if (pending.length < 8 + size) break;
			const kind = pending[0] === 2 ? 'stderr' : 'stdout';
			if (size > 0) sink(kind, pending.subarray(8, 8 + size));
			pending = pending.subarray(8 + size);
		}
	};
}

/** `POST /containers/{id}/attach?stream=1&stdout=1&stderr=1`; resolves once attached. */
export async function attachOutput(container: Dockerode.Container, sink: OutputSink): Promise<OutputAttachment> {
	const stream = (await container.attach({stream: true, stdout: true, stderr: true, hijack: true})) as unknown as NodeJS.ReadableStream & {destroy(): void};
	const feed = demultiplexer(sink);
	stream.on('data', (chunk: Buffer) => feed(chunk));
	const done = new Promise<void>((resolve) => {
		stream.on('end', resolve);
		stream.on('close', resolve);
		stream.on('error', () => resolve());
	});
	return {done, close: () => stream.destroy()};
}

/**
 * `POST /containers/{id}/wait?condition=…`: resolves when the engine has answered the request's
 * headers (the wait is registered), with the exit status to come.
 */
export async function waitRegistered(docker: Dockerode, path: string, condition: 'next-exit' | 'removed'): Promise<{status: Promise<number>}> {
	const stream = (await dial(docker, {
		path: `${path}/wait?`,
		method: 'POST',
		isStream: true,
		options: {condition},
		statusCodes: {200: true, 400: 'bad parameter', 404: 'no such container', 500: 'server error'},
	})) as NodeJS.ReadableStream;
	const status = new Promise<number>((resolve, reject) => {
		const chunks: Buffer[] = [];
		stream.on('data', (c: Buffer) => chunks.push(c));
		stream.on('error', reject);
		stream.on('end', () => {
			try {
				const answer = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {StatusCode?: number; Error?: {Message?: string} | null};
				if (answer.Error?.Message) reject(new Error(answer.Error.Message));
				else resolve(Number(answer.StatusCode ?? 0));
			} catch (error) {
				reject(error instanceof Error ? error : new Error(String(error)));
			}
		});
	});
	return {status};
}
