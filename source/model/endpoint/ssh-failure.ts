/**
 * What went wrong on an ssh:// endpoint, read from the system ssh's stderr and exit status (and
 * from `docker system dial-stdio`'s on the remote host): one line and a hint (ARCHITECTURE.md,
 * "Remote engines").
 */

export interface SshFailure {
	kind: 'unreachable' | 'permission-denied' | 'socket-missing';
	message: string;
	hint: string;
}

/** The last meaningful line of ssh's stderr (warnings and banners dropped). */
function lastLine(stderr: string): string {
	const lines = stderr
		.split(/\r?\n/)
		.map((l) => l.trim())
		.filter((l) => l !== '' && !/^Warning: Permanently added/.test(l) && !/^@+$/.test(l));
	return lines.at(-1) ?? '';
}

export function sshFailure(where: string, stderr: string, code: number | null): SshFailure {
	const has = (re: RegExp): boolean => re.test(stderr);
	if (has(/REMOTE HOST IDENTIFICATION HAS CHANGED/)) {
		return {
			kind: 'unreachable',
			message: `cannot connect to ${where}: the host key has changed (ssh refused to connect)`,
			hint: 'if the change is expected, remove the old key (ssh-keygen -R HOST) and connect once with ssh',
		};
	}
	if (has(/Host key verification failed|host key is known|host key for .* not known/i)) {
		return {
			kind: 'unreachable',
			message: `cannot connect to ${where}: the host key is unknown (ssh will not ask in BatchMode)`,
			hint: 'connect once with ssh to check and accept the key into known_hosts',
		};
	}
	if (has(/Could not resolve hostname/)) {
		return {
			kind: 'unreachable',
			message: `cannot connect to ${where}: ssh could not resolve the host name`,
			hint: 'check the host, or its HostName in ~/.ssh/config',
		};
	}
	if (has(/Connection refused|Connection timed out|timed out|No route to host|Network is unreachable|Connection closed by|kex_exchange_identification|Connection reset/)) {
		return {
			kind: 'unreachable',
			message: `cannot connect to ${where}: ${lastLine(stderr).replace(/^ssh: /, '')}`,
			hint: 'is sshd running there? Check the host and port (or HostName and Port in ~/.ssh/config)',
		};
	}
	if (has(/Permission denied \(|Too many authentication failures|no more authentication methods/i)) {
		return {
			kind: 'permission-denied',
			message: `cannot log in to ${where}: ssh authentication failed`,
			hint: 'dnet runs ssh with BatchMode=yes, so it never asks for a password or passphrase: load the key into ssh-agent or set IdentityFile in ~/.ssh/config',
		};
	}
	if (code === 127 || has(/docker: (command )?not found|docker: No such file|exec: "?docker"?: not found/)) {
		return {
			kind: 'socket-missing',
			message: `docker was not found on the remote host of ${where}`,
			hint: 'install the docker CLI there (18.09 or newer) on the PATH of non-interactive ssh sessions',
		};
	}
	if (has(/permission denied/i)) {
		return {
			kind: 'permission-denied',
			message: `permission denied on the Docker socket of the remote host of ${where}`,
			hint: 'add the ssh user to the docker group there, or log in as a user who may use the engine',
		};
	}
	if (has(/Cannot connect to the Docker daemon|no such file or directory|connection refused/i)) {
		return {
			kind: 'unreachable',
			message: `the Docker engine on the remote host of ${where} does not answer: ${lastLine(stderr)}`,
			hint: 'is the Docker daemon running there?',
		};
	}
	const line = lastLine(stderr);
	return {
		kind: 'unreachable',
		message: `ssh to ${where} failed${code === null ? '' : ` (exit status ${code})`}${line ? `: ${line}` : ''}`,
		hint: 'try the same with ssh by hand; dnet runs ssh HOST docker system dial-stdio',
	};
}

/** A remote command as one string for ssh, each part quoted for a POSIX shell only when needed. */
export function remoteCommand(parts: string[]): string {
	return parts.map((p) => (/^[A-Za-z0-9_./=:@%+,-]+$/.test(p) ? p : `'${p.replaceAll("'", `'\\''`)}'`)).join(' ');
}

/**
 * The system ssh's arguments for `docker system dial-stdio`, as the docker CLI builds them but for
 * ConnectTimeout: 10 s, not docker's 30, so that ssh says why (refused, timed out in the banner
 * exchange) before dnet's 15 s read deadline says only that nothing answered (ARCHITECTURE.md,
 * "Remote engines").
 */
export function dialStdioArgs(target: {host: string; port?: number; username?: string; path?: string}, connectTimeout = 10): string[] {
	const args: string[] = [];
	if (target.username) args.push('-l', target.username);
	if (target.port !== undefined) args.push('-p', String(target.port));
	args.push('-o', `ConnectTimeout=${connectTimeout}`, '-o', 'BatchMode=yes', '-T', '--', target.host);
	const socket = target.path && target.path.replace(/^\/+|\/+$/g, '') !== '' ? target.path : undefined;
	args.push(remoteCommand(socket ? ['docker', `--host=unix://${socket}`, 'system', 'dial-stdio'] : ['docker', 'system', 'dial-stdio']));
	return args;
}
