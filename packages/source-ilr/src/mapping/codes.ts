import type { IlrDelivery } from './delivery.js';

/**
 * Returns the programme id of a delivery: `std-<StdCode>` for an apprenticeship standard,
 * `fwk-<FworkCode>-<ProgType>-<PwayCode>` for a framework, `prog-<ProgType>` for a programme of
 * neither kind (a traineeship), or `undefined` for learning outside a programme.
 */
export function formatProgramme(delivery: IlrDelivery): string | undefined {
  const { stdCode, fworkCode, progType, pwayCode } = delivery;
  if (stdCode !== undefined) return `std-${stdCode}`;
  if (fworkCode !== undefined && progType !== undefined && pwayCode !== undefined) {
    return `fwk-${fworkCode}-${progType}-${pwayCode}`;
  }

  return progType === undefined ? undefined : `prog-${progType}`;
}

/** Returns the funding organisation id of a delivery, `fm-<FundModel>`, such as `fm-36`. */
export function formatFundingModel(delivery: IlrDelivery): string | undefined {
  return delivery.fundModel === undefined ? undefined : `fm-${delivery.fundModel}`;
}

/** Returns the contract ids of a delivery: its apprenticeship contract type, such as `ACT1`. */
export function formatContracts(delivery: IlrDelivery): string[] {
  return delivery.contractType === undefined ? [] : [`ACT${delivery.contractType}`];
}

/** Returns the provider end code of a delivery, `outcome-<Outcome>`, such as `outcome-1`. */
export function formatEndCode(delivery: IlrDelivery): string | undefined {
  return delivery.outcome === undefined ? undefined : `outcome-${delivery.outcome}`;
}
