/**
 * The one input handler: every piece of terminal input becomes key names and one `keys` action.
 * It reads Ink's raw input pieces (the ones `useInput` parses) because Ink's key object cannot tell
 * Backspace from Delete and loses Alt; the reducer routes each key through the mode model.
 */
import {useStdin} from 'ink';
import {useEffect} from 'react';
import {keyNames} from '../input/key-names.js';
import type {Store} from '../store.js';

export function useKeys(store: Store): void {
	const {internal_eventEmitter: events, setRawMode, isRawModeSupported} = useStdin();
	useEffect(() => {
		if (isRawModeSupported) setRawMode(true);
		const onInput = (piece: string): void => {
			const keys = keyNames(piece);
			if (keys.length > 0) store.dispatch({type: 'keys', keys});
		};
		events.on('input', onInput);
		return () => {
			events.removeListener('input', onInput);
			if (isRawModeSupported) setRawMode(false);
		};
	}, [events, setRawMode, isRawModeSupported, store]);
}
