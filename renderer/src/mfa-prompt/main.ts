import { mount } from 'svelte';
import { api } from '../lib/api';
import MfaPrompt from './MfaPrompt.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('MFA prompt window has no #app element');
mount(MfaPrompt, { target, props: { api: api('mfaPrompt') } });
