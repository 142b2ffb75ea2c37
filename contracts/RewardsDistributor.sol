// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {IRewardsDistributor} from "./interfaces/IRewardsDistributor.sol";

/// @title Caravan rewards distributor
/// @notice See {IRewardsDistributor}. Invariant: per token, claimed <= accepted total <= funded, and the
/// contract holds at least funded - claimed.
/// @dev The admin also gets GUARDIAN_ROLE at construction; more guardians are granted by the admin.
contract RewardsDistributor is IRewardsDistributor, AccessControl, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;

    bytes32 public constant PROPOSER_ROLE = keccak256("PROPOSER_ROLE");
    bytes32 public constant GUARDIAN_ROLE = keccak256("GUARDIAN_ROLE");

    struct Proposal {
        bytes32 root;
        uint64 epoch;
        uint64 acceptableAt;
        bytes32 manifestHash;
        address[] tokens;
        uint256[] totals;
    }

    uint64 public delay;
    bytes32 public currentRoot;
    uint64 public currentEpoch;
    Proposal private _pending;
    address[] private _tokens;

    mapping(address token => uint256) public cumulativeTotal;
    mapping(address token => uint256) public totalFunded;
    mapping(address token => uint256) public totalClaimed;
    mapping(address account => mapping(address token => uint256)) public claimed;

    /// @param admin Holds DEFAULT_ADMIN_ROLE and GUARDIAN_ROLE.
    /// @param proposer Holds PROPOSER_ROLE (the platform's operator).
    /// @param delaySeconds Seconds between a proposal and its earliest acceptance.
    constructor(address admin, address proposer, uint64 delaySeconds) {
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(GUARDIAN_ROLE, admin);
        _grantRole(PROPOSER_ROLE, proposer);
        delay = delaySeconds;
    }

    /// @inheritdoc IRewardsDistributor
    function fund(address token, uint256 amount) external nonReentrant {
        if (amount == 0) revert ZeroAmount();
        uint256 before = IERC20(token).balanceOf(address(this));
        IERC20(token).safeTransferFrom(msg.sender, address(this), amount);
        uint256 received = IERC20(token).balanceOf(address(this)) - before;
        totalFunded[token] += received;
        emit Funded(token, msg.sender, received);
    }

    /// @inheritdoc IRewardsDistributor
    function proposeRoot(
        bytes32 root,
        uint64 epoch,
        address[] calldata tokens,
        uint256[] calldata cumulativeTotals,
        bytes32 manifestHash
    ) external onlyRole(PROPOSER_ROLE) {
        if (_pending.epoch != 0) revert ProposalPending(_pending.epoch);
        if (epoch != currentEpoch + 1) revert WrongEpoch(epoch, currentEpoch + 1);
        if (root == bytes32(0)) revert ZeroRoot();
        _checkTotals(tokens, cumulativeTotals);
        uint64 acceptableAt = uint64(block.timestamp) + delay;
        _pending = Proposal(root, epoch, acceptableAt, manifestHash, tokens, cumulativeTotals);
        emit RootProposed(epoch, root, manifestHash, acceptableAt);
    }

    /// @inheritdoc IRewardsDistributor
    function revokeRoot(uint64 epoch) external {
        if (!hasRole(GUARDIAN_ROLE, msg.sender) && !hasRole(PROPOSER_ROLE, msg.sender)) {
            revert AccessControlUnauthorizedAccount(msg.sender, GUARDIAN_ROLE);
        }
        if (_pending.epoch == 0 || _pending.epoch != epoch) revert NoProposal(epoch);
        bytes32 root = _pending.root;
        delete _pending;
        emit RootRevoked(epoch, root);
    }

    /// @inheritdoc IRewardsDistributor
    function acceptRoot(uint64 epoch) external {
        if (_pending.epoch == 0 || _pending.epoch != epoch) revert NoProposal(epoch);
        if (block.timestamp < _pending.acceptableAt) revert TooEarly(_pending.acceptableAt, uint64(block.timestamp));
        Proposal memory p = _pending;
        // Funding can only grow, so this holds if it held at proposal; checked again all the same.
        _checkTotals(p.tokens, p.totals);
        for (uint256 i = 0; i < p.tokens.length; i++) {
            cumulativeTotal[p.tokens[i]] = p.totals[i];
        }
        _tokens = p.tokens;
        currentRoot = p.root;
        currentEpoch = p.epoch;
        delete _pending;
        emit RootAccepted(p.epoch, p.root);
    }

    /// @inheritdoc IRewardsDistributor
    function claim(address account, address token, uint256 cumulativeAmount, bytes32[] calldata proof)
        external
        nonReentrant
        returns (uint256 paid)
    {
        paid = _claim(account, token, cumulativeAmount, proof);
        if (paid == 0) revert NothingToClaim(account, token);
    }

    /// @inheritdoc IRewardsDistributor
    function claimMany(Claim[] calldata claims) external nonReentrant returns (uint256 paid) {
        for (uint256 i = 0; i < claims.length; i++) {
            Claim calldata c = claims[i];
            paid += _claim(c.account, c.token, c.cumulativeAmount, c.proof);
        }
    }

    /// @inheritdoc IRewardsDistributor
    function setDelay(uint64 delaySeconds) external onlyRole(DEFAULT_ADMIN_ROLE) {
        delay = delaySeconds;
        emit DelayChanged(delaySeconds);
    }

    /// @inheritdoc IRewardsDistributor
    function pendingRoot() external view returns (bytes32 root, uint64 epoch, uint64 acceptableAt, bytes32 manifestHash) {
        return (_pending.root, _pending.epoch, _pending.acceptableAt, _pending.manifestHash);
    }

    function _claim(address account, address token, uint256 cumulativeAmount, bytes32[] calldata proof)
        private
        returns (uint256 paid)
    {
        bytes32 leaf = keccak256(bytes.concat(keccak256(abi.encode(account, token, cumulativeAmount))));
        if (!MerkleProof.verifyCalldata(proof, currentRoot, leaf)) {
            revert InvalidProof(account, token, cumulativeAmount);
        }
        uint256 already = claimed[account][token];
        if (cumulativeAmount <= already) return 0;
        paid = cumulativeAmount - already;
        uint256 newTotal = totalClaimed[token] + paid;
        if (newTotal > cumulativeTotal[token]) revert ClaimExceedsTotal(token, newTotal, cumulativeTotal[token]);
        claimed[account][token] = cumulativeAmount;
        totalClaimed[token] = newTotal;
        emit Claimed(account, token, paid, cumulativeAmount);
        IERC20(token).safeTransfer(account, paid);
    }

    function _checkTotals(address[] memory tokens, uint256[] memory totals) private view {
        if (tokens.length != totals.length) revert LengthMismatch(tokens.length, totals.length);
        for (uint256 i = 0; i < tokens.length; i++) {
            if (i > 0 && uint160(tokens[i]) <= uint160(tokens[i - 1])) revert TokensNotAscending(tokens[i]);
            if (totals[i] > totalFunded[tokens[i]]) {
                revert TotalExceedsFunded(tokens[i], totals[i], totalFunded[tokens[i]]);
            }
            if (totals[i] < cumulativeTotal[tokens[i]]) {
                revert TotalDecreased(tokens[i], totals[i], cumulativeTotal[tokens[i]]);
            }
        }
        // Every token of the accepted root stays in the next one (its claims must remain provable).
        for (uint256 j = 0; j < _tokens.length; j++) {
            bool found = false;
            for (uint256 i = 0; i < tokens.length && !found; i++) {
                found = tokens[i] == _tokens[j];
            }
            if (!found) revert TokenMissing(_tokens[j]);
        }
    }
}
