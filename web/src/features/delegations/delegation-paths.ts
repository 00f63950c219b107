export const DELEGATIONS_PATH = '/doan-cong-tac';
export const delegationPath = (id: string): string => `${DELEGATIONS_PATH}/${id}`;
