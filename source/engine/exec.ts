/**
 * Reading inside a running container without changing it, for the port doctor (ARCHITECTURE.md,
 * "The layers and the feature folders"): an exec with its output collected, and a file of the
 * engine's machine read directly when dnet runs there (`/proc/<pid>/…` of the container's process).
 */
import {readFile} from 'node:fs/promises';
import {PassThrough} from 'node:stream';
import type Dockerode from 'dockerode';
import {sanitize} from '../model/sanitize.js';

/** What an exec printed and how it ended. */
export interface ExecResult {
	/** The process's exit status; 126/127 when the program could not be started (not found). */
	exitCode: number;
	stdout: string;
	stderr: string;
}

/** At most this much output is kept of each stream. */
const MAX_OUTPUT = 4 * 1024 * 1024;

function collect(stream: PassThrough): () => string {
	const chunks: Buffer[] = [];
	let size = 0;
	stream.on('data', (chunk: Buffer) => {
		if (size >= MAX_OUTPUT) return;
		chunks.push(chunk);
		size += chunk.length;
	});
	return () => Buffer.concat(chunks).toString('utf8');
}

/**
 * Runs `cmd` in the container (no tty, no stdin, as root unless the image says otherwise) and
 * waits for its end. stdout is returned as is (the caller parses it); stderr sanitized.
 */
export async function execIn(container: Dockerode.Container, cmd: string[], timeoutMs = 10_000): Promise<ExecResult> {
	const exec = await container.exec({Cmd: cmd, AttachStdout: true, AttachStderr: true, Tty: false});
	const stream = await exec.start({hijack: true, stdin: false, Detach: false});
	const out = new PassThrough();
	const err = new PassThrough();
	const stdout = collect(out);
	const stderr = collect(err);
	const modem = container.modem as {demuxStream(s: NodeJS.ReadableStream, o: PassThrough, e: PassThrough): void};
	modem.demuxStream(stream, out, err);
	await new Promise<void>((resolve, reject) => {
		const timer = setTimeout(() => {
			stream.destroy();
			reject(new Error(`exec ${cmd[0] ?? ''} did not end within ${timeoutMs} ms`));
		}, timeoutMs);
		const done = (): void => {
			clearTimeout(timer);
			resolve();
		};
		stream.on('end', done);
		stream.on('close', done);
		stream.on('error', (error) => {
			clearTimeout(timer);
			reject(error);
		});
	});
	const info = await exec.inspect();
	const exitCode = Number(info.ExitCode ?? -1);
	// A program that could not be started: the runtime's words arrive on stdout; they are an error.
	if ((exitCode === 126 || exitCode === 127) && stdout().startsWith('OCI runtime')) {
		return {exitCode, stdout: '', stderr: sanitize(stdout().trim())};
	}
	return {exitCode, stdout: stdout(), stderr: sanitize(stderr())};
}

/** Reads a file of this machine; null when it does not exist or cannot be read. */
export async function readLocal(path: string): Promise<string | null> {
	try {
		return await readFile(path, 'utf8');
	} catch {
		return null;
	}
}
