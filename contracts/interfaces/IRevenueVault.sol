// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// @title Caravan revenue vault
/// @notice Takes revenue for registered assets (license sales, metered use), keeps the platform's fee, sends each
/// asset's `parentShareBps` of the rest up its lineage (split equally among its parents, each parent's own terms
/// deciding what it passes on, at most `MAX_DEPTH` levels up), and credits what stays to the asset's holders.
/// Holders claim by proof, without any loop over them: a sole owner holds weight 1 of 1; a community asset's
/// holders are the `(address account, uint256 weight)` leaves of its committed share root, in the OpenZeppelin
/// merkle-tree standard format (ABI-encoded, double-hashed), and are owed `credited * weight / totalWeight`.
interface IRevenueVault {
    event CurrencyAllowed(address indexed token, bool allowed);
    event FeeChanged(uint16 feeBps);
    event FeeReceiverChanged(address feeReceiver);
    event RevenueDeposited(
        uint256 indexed assetId, address indexed token, address indexed from, uint256 received, uint256 fee
    );
    /// @notice Revenue reached `assetId` (from a deposit when `fromAssetId` is 0, else from that child); `kept`
    /// of `received` was credited to its holders, the rest went on to its parents.
    event RevenueRouted(
        uint256 indexed assetId, uint256 indexed fromAssetId, address indexed token, uint256 received, uint256 kept
    );
    event RevenueClaimed(uint256 indexed assetId, address indexed token, address indexed account, uint256 paid);
    event FeesWithdrawn(address indexed token, address indexed feeReceiver, uint256 amount);

    error CurrencyNotAllowed(address token);
    error ZeroAmount();
    error ZeroAddress();
    error FeeTooHigh(uint16 feeBps, uint16 maxFeeBps);
    error UnknownAsset(uint256 assetId);
    error SharesNotCommitted(uint256 assetId);
    error NotAHolder(uint256 assetId, address account, uint256 weight);
    error NothingToClaim(uint256 assetId, address token, address account);
    error ClaimExceedsCredit(uint256 assetId, address token, uint256 claimed, uint256 credited);
    error NoFees(address token);

    /// @notice Allows or stops a token as a license currency and for revenue deposits (admin). Claims of a
    /// stopped token still pay.
    function setCurrencyAllowed(address token, bool allowed) external;

    /// @notice Sets the platform's fee on every deposit, at most `MAX_FEE_BPS` (governor).
    function setFee(uint16 feeBps) external;

    /// @notice Sets where withdrawn fees go (admin).
    function setFeeReceiver(address feeReceiver) external;

    /// @notice Pays `amount` of `token` as revenue of `assetId` (anyone: the metered gateway, a partner, a buyer).
    /// @dev Credits the balance delta, so a fee-on-transfer token counts at what arrived. Reverts `UnknownAsset`,
    /// `ZeroAmount` or `CurrencyNotAllowed`.
    function depositRevenue(uint256 assetId, address token, uint256 amount) external;

    /// @notice Pays `account` what it is owed from `assetId`'s revenue in `token` beyond what it claimed before.
    /// @dev Anyone may call it for any account; the tokens always go to the account. A sole-owner asset's only
    /// holder is its current owner with `weight` 1 and an empty proof; a community asset's holders prove their
    /// leaf of the committed share root. Reverts `SharesNotCommitted` for a community asset without shares,
    /// `NotAHolder` when the leaf is not in the root, `NothingToClaim` when nothing more is owed, and
    /// `ClaimExceedsCredit` if a faulty root would pay its holders more than the asset was credited.
    /// @return paid `credited * weight / totalWeight - claimed` before the call.
    function claimRevenue(uint256 assetId, address token, address account, uint256 weight, bytes32[] calldata proof)
        external
        returns (uint256 paid);

    /// @notice Sends the fees collected in `token` to the fee receiver (anyone). Reverts `NoFees` when none.
    function withdrawFees(address token) external returns (uint256 amount);

    /// @notice What a holder with `weight` could claim now (0 for a holder of no share; the proof is not checked).
    function claimable(uint256 assetId, address token, address account, uint256 weight) external view returns (uint256);

    /// @notice Whether `token` can be a license currency and be deposited.
    function isCurrencyAllowed(address token) external view returns (bool);
    /// @notice The platform's fee on deposits, in basis points.
    function feeBps() external view returns (uint16);
    /// @notice Where withdrawn fees go.
    function feeReceiver() external view returns (address);
    /// @notice What was deposited in `token`, over all assets (what arrived, fees included).
    function totalDeposited(address token) external view returns (uint256);
    /// @notice The fees collected in `token` and not yet withdrawn.
    function feesOwed(address token) external view returns (uint256);
    /// @notice The fees withdrawn in `token`.
    function feesWithdrawn(address token) external view returns (uint256);
    /// @notice What holders claimed in `token`, over all assets.
    function totalClaimed(address token) external view returns (uint256);
    /// @notice What `assetId`'s holders were credited in `token` (after fees and what went to its parents).
    function credited(uint256 assetId, address token) external view returns (uint256);
    /// @notice What `assetId`'s holders claimed in `token`.
    function claimedOf(uint256 assetId, address token) external view returns (uint256);
    /// @notice What co-owner `account` claimed from community asset `assetId` in `token`. A sole owner is owed what
    /// the asset was credited less `claimedOf`, so unclaimed revenue passes with the asset to a new owner.
    function claimed(uint256 assetId, address token, address account) external view returns (uint256);
}
