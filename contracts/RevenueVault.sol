// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {IRevenueVault} from "./interfaces/IRevenueVault.sol";

/// @title Caravan revenue vault
/// @notice See {IRevenueVault}. The asset registry inherits it and answers who an asset's parents and holders are.
/// Invariant, per token: every deposit is split exactly into fees and holder credits (sum of `credited` plus fees
/// equals `totalDeposited`), and no asset's holders claim more than it was credited; so claims plus fees never
/// exceed deposits, and the vault holds at least the difference.
abstract contract RevenueVault is IRevenueVault, AccessControl, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;

    bytes32 public constant GOVERNOR_ROLE = keccak256("GOVERNOR_ROLE");
    uint16 public constant MAX_FEE_BPS = 2000;
    /// @notice How many levels up the lineage a deposit climbs; assets that far up keep all they receive.
    uint256 public constant MAX_DEPTH = 8;
    uint256 internal constant BPS = 10_000;

    uint16 public feeBps;
    address public feeReceiver;
    mapping(address token => bool) public isCurrencyAllowed;
    mapping(address token => uint256) public totalDeposited;
    mapping(address token => uint256) public feesOwed;
    mapping(address token => uint256) public feesWithdrawn;
    mapping(address token => uint256) public totalClaimed;
    mapping(uint256 assetId => mapping(address token => uint256)) public credited;
    mapping(uint256 assetId => mapping(address token => uint256)) public claimedOf;
    mapping(uint256 assetId => mapping(address token => mapping(address account => uint256))) public claimed;

    /// @param admin Holds DEFAULT_ADMIN_ROLE (currencies, fee receiver, roles).
    /// @param governor Holds GOVERNOR_ROLE (the fee).
    /// @param feeReceiver_ Where withdrawn fees go.
    /// @param feeBps_ The platform's fee on deposits, at most `MAX_FEE_BPS`.
    constructor(address admin, address governor, address feeReceiver_, uint16 feeBps_) {
        if (feeReceiver_ == address(0)) revert ZeroAddress();
        if (feeBps_ > MAX_FEE_BPS) revert FeeTooHigh(feeBps_, MAX_FEE_BPS);
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(GOVERNOR_ROLE, governor);
        feeReceiver = feeReceiver_;
        feeBps = feeBps_;
    }

    /// @inheritdoc IRevenueVault
    function setCurrencyAllowed(address token, bool allowed) external onlyRole(DEFAULT_ADMIN_ROLE) {
        isCurrencyAllowed[token] = allowed;
        emit CurrencyAllowed(token, allowed);
    }

    /// @inheritdoc IRevenueVault
    function setFee(uint16 feeBps_) external onlyRole(GOVERNOR_ROLE) {
        if (feeBps_ > MAX_FEE_BPS) revert FeeTooHigh(feeBps_, MAX_FEE_BPS);
        feeBps = feeBps_;
        emit FeeChanged(feeBps_);
    }

    /// @inheritdoc IRevenueVault
    function setFeeReceiver(address feeReceiver_) external onlyRole(DEFAULT_ADMIN_ROLE) {
        if (feeReceiver_ == address(0)) revert ZeroAddress();
        feeReceiver = feeReceiver_;
        emit FeeReceiverChanged(feeReceiver_);
    }

    /// @inheritdoc IRevenueVault
    function depositRevenue(uint256 assetId, address token, uint256 amount) external nonReentrant {
        _deposit(assetId, token, msg.sender, amount);
    }

    /// @inheritdoc IRevenueVault
    function claimRevenue(uint256 assetId, address token, address account, uint256 weight, bytes32[] calldata proof)
        external
        nonReentrant
        returns (uint256 paid)
    {
        (bool community, uint256 totalWeight) = _checkHolder(assetId, account, weight, proof);
        paid = _owed(assetId, token, account, weight, community, totalWeight);
        if (paid == 0) revert NothingToClaim(assetId, token, account);
        uint256 credit = credited[assetId][token];
        uint256 newAssetClaimed = claimedOf[assetId][token] + paid;
        // Only a root whose leaves add up to more than its total weight can get here; it must not pay out what
        // other assets were credited.
        if (newAssetClaimed > credit) revert ClaimExceedsCredit(assetId, token, newAssetClaimed, credit);
        // A sole owner is owed by the asset's total alone, so only co-owners need their own count.
        if (community) claimed[assetId][token][account] += paid;
        claimedOf[assetId][token] = newAssetClaimed;
        totalClaimed[token] += paid;
        emit RevenueClaimed(assetId, token, account, paid);
        IERC20(token).safeTransfer(account, paid);
    }

    /// @inheritdoc IRevenueVault
    function withdrawFees(address token) external nonReentrant returns (uint256 amount) {
        amount = feesOwed[token];
        if (amount == 0) revert NoFees(token);
        feesOwed[token] = 0;
        feesWithdrawn[token] += amount;
        address receiver = feeReceiver;
        emit FeesWithdrawn(token, receiver, amount);
        IERC20(token).safeTransfer(receiver, amount);
    }

    /// @inheritdoc IRevenueVault
    function claimable(uint256 assetId, address token, address account, uint256 weight)
        external
        view
        returns (uint256)
    {
        (address owner, bool community, bytes32 root, uint256 totalWeight) = _holdersOf(assetId);
        if (community ? root == bytes32(0) : account != owner || weight != 1) return 0;
        uint256 owed = _owed(assetId, token, account, weight, community, totalWeight);
        return Math.min(owed, credited[assetId][token] - claimedOf[assetId][token]);
    }

    /// @dev Pulls `amount` of `token` from `from` and books what arrived as revenue of `assetId`. The credit comes
    /// after the transfer because it is measured by it; every caller holds the reentrancy guard.
    function _deposit(uint256 assetId, address token, address from, uint256 amount) internal {
        if (!_assetExists(assetId)) revert UnknownAsset(assetId);
        if (!isCurrencyAllowed[token]) revert CurrencyNotAllowed(token);
        if (amount == 0) revert ZeroAmount();
        uint256 before = IERC20(token).balanceOf(address(this));
        IERC20(token).safeTransferFrom(from, address(this), amount);
        uint256 received = IERC20(token).balanceOf(address(this)) - before;
        uint256 fee = (received * feeBps) / BPS;
        totalDeposited[token] += received;
        feesOwed[token] += fee;
        emit RevenueDeposited(assetId, token, from, received, fee);
        _route(assetId, 0, token, received - fee, 0);
    }

    /// @dev Credits `amount` to `assetId`'s holders less its parents' share, which goes on up, split equally; the
    /// remainder of that split (at most one base unit per parent) stays with the holders, so nothing is lost.
    function _route(uint256 assetId, uint256 fromAssetId, address token, uint256 amount, uint256 depth) private {
        uint256 each = 0;
        uint256[] memory parents;
        if (depth < MAX_DEPTH) {
            uint16 shareBps;
            (shareBps, parents) = _lineageOf(assetId);
            if (parents.length > 0) each = (amount * shareBps) / BPS / parents.length;
        }
        uint256 kept = each == 0 ? amount : amount - each * parents.length;
        credited[assetId][token] += kept;
        emit RevenueRouted(assetId, fromAssetId, token, amount, kept);
        if (each == 0) return;
        for (uint256 i = 0; i < parents.length; i++) {
            _route(parents[i], assetId, token, each, depth + 1);
        }
    }

    /// @dev Reverts unless `account` holds `weight` of `assetId`: a sole owner holds 1 (empty proof), a co-owner
    /// proves its leaf of the committed root.
    function _checkHolder(uint256 assetId, address account, uint256 weight, bytes32[] calldata proof)
        private
        view
        returns (bool community, uint256 totalWeight)
    {
        address owner;
        bytes32 root;
        (owner, community, root, totalWeight) = _holdersOf(assetId);
        if (owner == address(0)) revert UnknownAsset(assetId);
        if (community) {
            if (root == bytes32(0)) revert SharesNotCommitted(assetId);
            bytes32 leaf = keccak256(bytes.concat(keccak256(abi.encode(account, weight))));
            if (!MerkleProof.verifyCalldata(proof, root, leaf)) revert NotAHolder(assetId, account, weight);
        } else if (account != owner || weight != 1 || proof.length != 0) {
            revert NotAHolder(assetId, account, weight);
        }
    }

    /// @dev What a holder is owed now: a sole owner everything its asset's holders have not claimed; a co-owner
    /// its weight's part of the credit (rounded down, so the parts never add up to more) less its own claims.
    function _owed(uint256 assetId, address token, address account, uint256 weight, bool community, uint256 totalWeight)
        private
        view
        returns (uint256)
    {
        uint256 credit = credited[assetId][token];
        if (!community) return credit - claimedOf[assetId][token];
        uint256 entitled = Math.mulDiv(credit, weight, totalWeight);
        uint256 already = claimed[assetId][token][account];
        return entitled > already ? entitled - already : 0;
    }

    /// @dev Whether `assetId` is registered.
    function _assetExists(uint256 assetId) internal view virtual returns (bool);

    /// @dev The share of `assetId`'s revenue that goes to its parents, and their ids.
    function _lineageOf(uint256 assetId) internal view virtual returns (uint16 parentShareBps, uint256[] memory parents);

    /// @dev Who holds `assetId`'s revenue: its owner (zero when not registered), whether it is a community asset,
    /// and a community asset's share root and total weight.
    function _holdersOf(uint256 assetId)
        internal
        view
        virtual
        returns (address owner, bool community, bytes32 root, uint256 totalWeight);
}
