import { mount } from 'svelte';
import { api } from '../lib/api';
import Settings from './Settings.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('settings window has no #app element');
mount(Settings, { target, props: { api: api('settings') } });
