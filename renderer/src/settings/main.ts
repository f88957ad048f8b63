import { mount } from 'svelte';
import Settings from './Settings.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('settings window has no #app element');
mount(Settings, { target });
