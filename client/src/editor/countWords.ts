export { countWords } from '@dalil/shared/editor';
