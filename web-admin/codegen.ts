import { spaCodegenConfig } from '../schema/codegen.base';

export default spaCodegenConfig();
