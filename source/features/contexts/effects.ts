/** Effects of the context switcher, through the session's engine switch (engine/endpoint/switch.ts). */
import type {EffectContext} from '../../app/effect-context.js';
import {engineSwitch} from '../../engine/endpoint/switch.js';
import {errorText} from '../../model/error-text.js';
import {sanitize} from '../../model/sanitize.js';
import {loadAllPorts} from './all-ports.js';
import type {ContextsEffect} from './state.js';

export async function runContexts(ctx: EffectContext, effect: ContextsEffect): Promise<void> {
	const control = engineSwitch(ctx.engine);
	if (!control) {
		ctx.dispatch({type: 'contexts/failed', message: 'this session cannot switch engines'});
		return;
	}
	try {
		switch (effect.kind) {
			case 'loadContexts': {
				const rows = control.rows().map((r) => ({
					name: sanitize(r.name),
					description: sanitize(r.description),
					endpoint: sanitize(r.dockerEndpoint),
					current: r.current,
					error: sanitize(r.error),
				}));
				ctx.dispatch({type: 'contexts/loaded', rows});
				return;
			}
			case 'loadAllPorts':
				await loadAllPorts(ctx, control);
				return;
			case 'switchContext':
				await control.switchTo(effect.name);
				ctx.dispatch({type: 'contexts/switched', context: sanitize(effect.name), label: sanitize(control.label())});
				return;
			case 'useContext':
				control.use(effect.name);
				ctx.dispatch({type: 'contexts/used', name: sanitize(effect.name)});
				return;
		}
	} catch (error) {
		ctx.dispatch({type: 'contexts/failed', message: errorText(error).split('\n')[0] ?? 'failed'});
	}
}
