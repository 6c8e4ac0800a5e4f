/**
 * An image without a shell or `cat` for the port doctor's tests: dnet/webapp with those applets
 * removed, committed on the private engine (nothing is pulled). Its command is httpd on 5000.
 */
import {docker, dockerOk, uniqueName} from './engine.js';

export const NO_SHELL_IMAGE = 'dnet/noshell:test';

let made: Promise<string> | null = null;

/** Builds the image once per test file (reused when it exists). */
export function noShellImage(): Promise<string> {
	made ??= (async () => {
		if ((await docker(['image', 'inspect', NO_SHELL_IMAGE])).code === 0) return NO_SHELL_IMAGE;
		const name = uniqueName('noshell-build');
		await dockerOk(['run', '--name', name, '--entrypoint', '/bin/busybox', 'dnet/webapp', 'rm', '-f', '/bin/sh', '/bin/cat', '/bin/ash']);
		await dockerOk(['commit', '--change', 'ENTRYPOINT []', '--change', 'CMD ["/bin/httpd", "-f", "-p", "5000", "-h", "/www"]', name, NO_SHELL_IMAGE]);
		await docker(['rm', '-f', name]);
		return NO_SHELL_IMAGE;
	})();
	return made;
}
